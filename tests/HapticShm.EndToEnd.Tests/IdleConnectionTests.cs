using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Status;
using Xunit.Abstractions;

namespace HapticShm.EndToEnd.Tests;

/// <summary>A peer that connects and says nothing holds up neither the other handshakes nor the
/// dead-client sweep: they are served side by side.</summary>
public sealed class IdleConnectionTests(ITestOutputHelper output) : IDisposable
{
    private const int IdleConnections = 50;
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void FiftyIdleConnections_DelayNeitherAWelcomeNorTheSilencingOfAKilledClient()
    {
        using var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        using Process doomed = CliProcess.Start(_dir.Path, "send", "note", "48", "--velocity", "100", "--duration", "60s");
        Wait.Until(() => server.ReadStatus() is { ClientCount: 1, ActiveVoices: > 0 }, "the doomed client's note sounds", seconds: 30);

        var idle = new List<Socket>();
        try
        {
            for (int i = 0; i < IdleConnections; i++)
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                idle.Add(socket);
                socket.Connect(new UnixDomainSocketEndPoint(server.SocketPath));
            }
            var clock = Stopwatch.StartNew();
            // Served one after another, each idle peer would hold the listener for its 1 s hello timeout.
            using ServerSession session = HandshakeClient.Connect("the real client", server.SocketPath, timeoutMs: 10_000);
            double welcomeMs = clock.Elapsed.TotalMilliseconds;
            int stillOpen = idle.Count(s => !HandshakeWire.PeerClosed(s, new byte[16]));

            long killNs = MonotonicClock.NowNs();
            doomed.Kill(); // SIGKILL
            StatusBlock status = default;
            Wait.Until(() => (status = server.ReadStatus()) is { ActiveVoices: 0 }, "the killed client's voices are silent", seconds: 10);
            double silentMs = (MonotonicClock.NowNs() - killNs) / 1e6;
            int openAfterKill = idle.Count(s => !HandshakeWire.PeerClosed(s, new byte[16]));

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"with {IdleConnections} idle connections: welcomed in {welcomeMs:F1} ms ({stillOpen} idle still open); kill -9 to 0 voices in the status block {silentMs:F1} ms ({openAfterKill} idle still open)"));
            Assert.Equal(IdleConnections, stillOpen);
            Assert.True(welcomeMs < 1000, $"welcomed after {welcomeMs:F0} ms: the idle peers were served first");
            Assert.Equal(1, status.ClientCount);
            Assert.True(silentMs < 1000, $"the killed client's voices sounded for {silentMs:F0} ms");

            // Their hello timeout, counted for each from its own connection, closes them all.
            Wait.Until(() => idle.All(s => HandshakeWire.PeerClosed(s, new byte[16])), "the server closes every idle connection", seconds: 10);
            Assert.Equal(IdleConnections, CountLines(server.Log(), "connected but sent no hello within 1000 ms"));
            Assert.False(session.ServerClosed, "the real client stays connected");
        }
        finally
        {
            foreach (Socket socket in idle) socket.Dispose();
        }
    }

    private static int CountLines(string text, string fragment) =>
        text.Split('\n').Count(line => line.Contains(fragment, StringComparison.Ordinal));

    public void Dispose() => _dir.Dispose();
}
