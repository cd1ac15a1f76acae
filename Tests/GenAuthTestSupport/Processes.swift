@_exported import ChildProcess
