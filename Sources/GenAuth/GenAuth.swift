// The module of genauth-swift 0.1, kept so that `import GenAuth` keeps compiling: it is the authentication
// SDK. New code imports GenAuthAuthentication (apps) and GenAuthManagement (servers) directly.
@_exported import GenAuthAuthentication
