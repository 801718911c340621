using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Interop;

internal static partial class Interop
{
    /// <summary>What the Windows build needs to find its own DLL and start the server.</summary>
    internal static unsafe partial class Kernel32
    {
        private const string LibraryName = "kernel32.dll";

        internal const uint GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT = 0x2;
        internal const uint GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS = 0x4;
        internal const uint DETACHED_PROCESS = 0x00000008;
        internal const uint CREATE_NEW_PROCESS_GROUP = 0x00000200;
        internal const uint CREATE_UNICODE_ENVIRONMENT = 0x00000400;
        internal const uint CREATE_NO_WINDOW = 0x08000000;

        /// <summary>STARTUPINFOW.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct STARTUPINFOW
        {
            public int cb;
            public char* lpReserved;
            public char* lpDesktop;
            public char* lpTitle;
            public int dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute, dwFlags;
            public short wShowWindow, cbReserved2;
            public byte* lpReserved2;
            public nint hStdInput, hStdOutput, hStdError;
        }

        /// <summary>PROCESS_INFORMATION.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PROCESS_INFORMATION
        {
            public nint hProcess;
            public nint hThread;
            public int dwProcessId;
            public int dwThreadId;
        }

        [LibraryImport(LibraryName, EntryPoint = "GetModuleHandleExW", SetLastError = true)]
        internal static partial int GetModuleHandleExW(uint flags, void* moduleNameOrAddress, nint* module);

        [LibraryImport(LibraryName, EntryPoint = "GetModuleFileNameW", SetLastError = true)]
        internal static partial uint GetModuleFileNameW(nint module, char* fileName, uint size);

        [LibraryImport(LibraryName, EntryPoint = "CreateProcessW", SetLastError = true)]
        internal static partial int CreateProcessW(char* applicationName, char* commandLine, void* processAttributes, void* threadAttributes,
            int inheritHandles, uint creationFlags, void* environment, char* currentDirectory, STARTUPINFOW* startupInfo, PROCESS_INFORMATION* processInformation);

        [LibraryImport(LibraryName, EntryPoint = "CloseHandle")]
        internal static partial int CloseHandle(nint handle);
    }
}
