using System.Diagnostics;
using HapticShm.Shared.Platform;

namespace HapticShm.EndToEnd.Tests;

/// <summary>The server refuses a client that runs as another user (SO_PEERCRED).</summary>
public sealed class PeerUserTests : IDisposable
{
    private const int Nobody = 65534;
    private readonly TempRuntimeDirectory _dir = new();

    [RootFact("runs a client as 'nobody' with setpriv")]
    public void ClientOfAnotherUser_IsRefusedWithASentence()
    {
        Assert.True(CurrentUser.Uid == 0, "this test runs a client as 'nobody' with setpriv and needs root (./test.sh in CI runs as root)");
        string setpriv = "/usr/bin/setpriv";
        Assert.True(File.Exists(setpriv), "setpriv not found: install util-linux");
        using var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        // The owner-only directory and socket already keep other users out; open them on purpose
        // so that the peer-credential check is what has to refuse.
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(server.SocketPath, (UnixFileMode)0b110_110_110);
        string home = Path.Combine(_dir.Path, "home");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);

        // The peer runs from a copy that 'nobody' can read, wherever the checkout lives.
        string peer = Path.Combine(_dir.Path, "peer");
        Directory.CreateDirectory(peer);
        File.SetUnixFileMode(peer, (UnixFileMode)0b111_101_101);
        foreach (string file in new[] { "HapticShm.RingPeer.dll", "HapticShm.RingPeer.runtimeconfig.json", "HapticShm.RingPeer.deps.json", "HapticShm.Shared.dll" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(peer, file));
            File.SetUnixFileMode(Path.Combine(peer, file), (UnixFileMode)0b110_100_100);
        }

        var info = new ProcessStartInfo(setpriv) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", "dotnet", Path.Combine(peer, "HapticShm.RingPeer.dll"), "hello", server.SocketPath })
            info.ArgumentList.Add(a);
        info.Environment["HOME"] = home;
        info.Environment["DOTNET_CLI_HOME"] = home;
        using var client = Process.Start(info)!;
        string answer = client.StandardOutput.ReadToEnd();
        string error = client.StandardError.ReadToEnd();
        Assert.True(client.WaitForExit(60_000));

        Assert.True(client.ExitCode == 1, $"exit {client.ExitCode}: {answer} {error}");
        Assert.StartsWith($"reject OtherUser: process {client.Id} runs as uid {Nobody}; this server belongs to uid 0", answer.Trim(), StringComparison.Ordinal);
        Assert.Contains("refused a client", server.Log(), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
