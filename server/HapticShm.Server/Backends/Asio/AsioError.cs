namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIOError result codes of the driver interface (asio.h names).</summary>
public enum AsioError
{
    ASE_OK = 0,
    ASE_SUCCESS = 0x3f4847a0,
    ASE_NotPresent = -1000,
    ASE_HWMalfunction = -999,
    ASE_InvalidParameter = -998,
    ASE_InvalidMode = -997,
    ASE_SPNotAdvancing = -996,
    ASE_NoClock = -995,
    ASE_NoMemory = -994,
}
