namespace HapticShm.Shared.Platform;

/// <summary>Who this process runs as.</summary>
public static class CurrentUser
{
    /// <summary>The real user id on Unix; 0 on Windows, where uids do not exist.</summary>
    public static uint Uid { get; } = OperatingSystem.IsWindows() ? 0 : Interop.Libc.GetUid();
}
