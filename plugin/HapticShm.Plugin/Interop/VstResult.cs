namespace HapticShm.Plugin.Interop;

/// <summary>tresult values. On Linux and macOS the SDK is built with COM_COMPATIBLE 0 (small
/// integers); on Windows with the COM HRESULTs.</summary>
internal static class VstResult
{
    public static readonly int kNoInterface = OperatingSystem.IsWindows() ? unchecked((int)0x80004002) : -1;
    public const int kResultOk = 0;
    public const int kResultTrue = 0;
    public const int kResultFalse = 1;
    public static readonly int kInvalidArgument = OperatingSystem.IsWindows() ? unchecked((int)0x80070057) : 2;
    public static readonly int kNotImplemented = OperatingSystem.IsWindows() ? unchecked((int)0x80004001) : 3;
    public static readonly int kInternalError = OperatingSystem.IsWindows() ? unchecked((int)0x80004005) : 4;
    public static readonly int kNotInitialized = OperatingSystem.IsWindows() ? unchecked((int)0x8000FFFF) : 5;
    public static readonly int kOutOfMemory = OperatingSystem.IsWindows() ? unchecked((int)0x8007000E) : 6;
}
