using HapticShm.Plugin.Core.Platform;
using static HapticShm.Plugin.Core.Platform.Interop.Windows;

namespace HapticShm.Plugin.Core.Connection;

internal sealed unsafe partial class ServerProcess
{
    // The handle keeps the process object (and so its pid) from being reused while we hold it.
    private static ServerProcess? TryPinWindows(int pid)
    {
        nint process = OpenProcess(PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if (process == 0) return null; // gone, or not ours to open
        if (!SameUser(process, GetCurrentProcess()))
        {
            _ = CloseHandle(process);
            return null;
        }
        return new ServerProcess(pid, 0, process);
    }

    private bool KillWindows() => _handle > 0 && TerminateProcess(_handle, 1) != 0;

    private void CloseWindows()
    {
        if (_handle > 0) _ = CloseHandle(_handle);
    }

    private static bool SameUser(nint first, nint second)
    {
        byte* firstUser = stackalloc byte[256];
        byte* secondUser = stackalloc byte[256];
        // TOKEN_USER starts with the SID pointer (into the same buffer).
        return TryReadUser(first, firstUser) && TryReadUser(second, secondUser) && EqualSid(*(void**)firstUser, *(void**)secondUser) != 0;
    }

    private static bool TryReadUser(nint process, byte* buffer)
    {
        nint token;
        if (OpenProcessToken(process, TOKEN_QUERY, &token) == 0) return false;
        int length;
        bool ok = GetTokenInformation(token, TokenUser, buffer, 256, &length) != 0;
        _ = Interop.Windows.CloseHandle(token);
        return ok;
    }
}
