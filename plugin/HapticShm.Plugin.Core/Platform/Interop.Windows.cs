using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Core.Platform;

internal static partial class Interop
{
    /// <summary>What the Windows watchdog needs: a handle on the server process and its user.</summary>
    internal static unsafe partial class Windows
    {
        internal const uint PROCESS_TERMINATE = 0x0001;
        internal const uint PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
        internal const uint TOKEN_QUERY = 0x0008;
        internal const int TokenUser = 1;

        [LibraryImport("kernel32.dll", EntryPoint = "OpenProcess", SetLastError = true)]
        internal static partial nint OpenProcess(uint access, int inheritHandle, int processId);

        [LibraryImport("kernel32.dll", EntryPoint = "GetCurrentProcess")]
        internal static partial nint GetCurrentProcess();

        [LibraryImport("kernel32.dll", EntryPoint = "TerminateProcess", SetLastError = true)]
        internal static partial int TerminateProcess(nint process, uint exitCode);

        [LibraryImport("kernel32.dll", EntryPoint = "CloseHandle")]
        internal static partial int CloseHandle(nint handle);

        [LibraryImport("advapi32.dll", EntryPoint = "OpenProcessToken", SetLastError = true)]
        internal static partial int OpenProcessToken(nint process, uint access, nint* token);

        [LibraryImport("advapi32.dll", EntryPoint = "GetTokenInformation", SetLastError = true)]
        internal static partial int GetTokenInformation(nint token, int informationClass, void* information, int length, int* returnLength);

        [LibraryImport("advapi32.dll", EntryPoint = "EqualSid")]
        internal static partial int EqualSid(void* sid1, void* sid2);
    }
}
