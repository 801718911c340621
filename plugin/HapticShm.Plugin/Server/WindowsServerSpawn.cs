using System.Runtime.InteropServices;
using static HapticShm.Plugin.Interop.Interop.Kernel32;

namespace HapticShm.Plugin.Server;

/// <summary>
/// Starts the server on Windows with CreateProcessW: detached from the host's console
/// (DETACHED_PROCESS, CREATE_NO_WINDOW), in its own process group (the host's Ctrl+C/Ctrl+Break
/// miss it), inheriting no handle. The server logs to its own file in the runtime directory.
/// Both returned handles are closed at once: Windows keeps no zombie, nothing to reap.
/// </summary>
internal static unsafe class WindowsServerSpawn
{
    /// <summary>Starts <paramref name="executable"/>; its pid, or an exception naming the error.</summary>
    public static int Start(string executable, string workingDirectory)
    {
        // CreateProcessW may write into the command line: a private, quoted, null-terminated copy.
        char[] commandLine = ("\"" + executable + "\"\0").ToCharArray();
        var startup = new STARTUPINFOW { cb = sizeof(STARTUPINFOW) };
        PROCESS_INFORMATION process;
        fixed (char* application = executable, line = commandLine, directory = workingDirectory)
        {
            if (CreateProcessW(application, line, null, null, inheritHandles: 0,
                    DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW | CREATE_UNICODE_ENVIRONMENT,
                    null, directory, &startup, &process) == 0)
            {
                int error = Marshal.GetLastPInvokeError();
                throw new IOException($"CreateProcessW {executable} failed: {Marshal.GetPInvokeErrorMessage(error)} (error {error})");
            }
        }
        _ = CloseHandle(process.hThread);
        _ = CloseHandle(process.hProcess);
        return process.dwProcessId;
    }
}
