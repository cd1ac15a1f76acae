import GenAuthAuthentication
import GenAuthManagement
import Testing

/// What the README promises a file that imports both clients: `GenAuthManagement.TypeName` names any management
/// type, although the management client is compiled as several modules that GenAuthManagement re-exports.
@Suite struct ModuleNamesTests {
    @Test func everyManagementTypeIsNamedThroughTheModuleAppsImport() {
        // Both documents define a UserDto, of different shapes: the module name tells them apart.
        let types: [Any.Type] = [
            GenAuthManagement.UserDto.self,  // GenAuthManagementCore: used by several domains (common.yaml)
            GenAuthManagement.CustomFieldDto.self,  // GenAuthManagementDirectory
            GenAuthManagement.RoleSingleRespDto.self,  // GenAuthManagementPermissions
            GenAuthManagement.ListAccessKeyRespDto.self,  // GenAuthManagementApplications
            GenAuthManagement.PubEventRespDto.self,  // GenAuthManagementOperations
            GenAuthManagement.ManagementClient.self,
        ]
        #expect(types.map { String(reflecting: $0) } == [
            "GenAuthManagementCore.UserDto", "GenAuthManagementDirectory.CustomFieldDto",
            "GenAuthManagementPermissions.RoleSingleRespDto", "GenAuthManagementApplications.ListAccessKeyRespDto",
            "GenAuthManagementOperations.PubEventRespDto", "GenAuthManagementCore.ManagementClient",
        ])
        #expect(String(reflecting: GenAuthAuthentication.UserDto.self) == "GenAuthAuthentication.UserDto")
    }
}
