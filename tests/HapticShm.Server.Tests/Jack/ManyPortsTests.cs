using HapticShm.Jack;
using HapticShm.Server.Backends.Jack;

namespace HapticShm.Server.Tests.Jack;

/// <summary>The JACK backend with arrays beyond one interface: up to 256 ports, and a connect map
/// applied at start against ports of another client on the same private jackd.</summary>
public sealed class ManyPortsTests(JackServerFixture server) : IClassFixture<JackServerFixture>
{
    [Fact]
    public void Open_256Channels_RegistersOut1ToOut256()
    {
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-256", ServerName = server.ServerName });
        backend.Open(256);

        using JackClient probe = JackClient.Open("hsm-probe-256", server.ServerName);
        string[] expected = [.. Enumerable.Range(1, 256).Select(i => $"hsm-256:out_{i}")];
        Assert.Equal(expected, backend.PortNames);
        Assert.Equal(expected.Order(), probe.GetPorts("^hsm-256:", JackPortDirection.Output).Order());
    }

    [Fact]
    public void Start_WithConnectMap_ConnectsEachLineAndReportsTheMissingPortWithoutFailing()
    {
        using JackClient sink = JackClient.Open("hsm-sink", server.ServerName);
        sink.RegisterPort("in_1", JackPortDirection.Input);
        sink.RegisterPort("in_2", JackPortDirection.Input);
        sink.Activate(); // JACK connects only ports of active clients
        var map = ConnectMap.Parse("out_1 hsm-sink:in_1\nout_128 hsm-sink:in_2\nout_128 hsm-sink:in_1\nout_64 nowhere:playback_1\n", "map.txt", 128);
        var logged = new List<string>();
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-mapped", ServerName = server.ServerName, ConnectMap = map, Log = logged.Add });
        backend.Open(128);

        backend.Start(new RampSignal(maxBlocks: 1).Render);

        Assert.Equal(["hsm-mapped:out_1", "hsm-mapped:out_128"], sink.GetConnections("hsm-sink:in_1").Order());
        Assert.Equal(["hsm-mapped:out_128"], sink.GetConnections("hsm-sink:in_2"));
        Assert.Empty(sink.GetConnections("hsm-mapped:out_64"));
        Assert.Equal([true, true, true, false], backend.Connections.Select(c => c.Connected));
        Assert.Equal(
            ["connect map map.txt line 4: out_64 -> nowhere:playback_1 not connected: no JACK port 'nowhere:playback_1' (is its client running? jack_lsp lists the ports)",
             "connect map map.txt: 3 of 4 connections made"],
            logged);
        Assert.False(backend.HasFailed);
        backend.Stop();
    }

    [Fact]
    public void Start_ConnectMapToAnOutputPort_ReportsTheRefusalWithoutFailing()
    {
        using JackClient other = JackClient.Open("hsm-other", server.ServerName);
        other.RegisterPort("out_1", JackPortDirection.Output);
        other.Activate();
        var map = ConnectMap.Parse("out_2 hsm-other:out_1", "map.txt", 2);
        var logged = new List<string>();
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-refused", ServerName = server.ServerName, ConnectMap = map, Log = logged.Add });
        backend.Open(2);

        backend.Start(new RampSignal(maxBlocks: 1).Render);

        ConnectionResult result = Assert.Single(backend.Connections);
        Assert.False(result.Connected);
        Assert.Contains("JACK refused the connection", result.Problem, StringComparison.Ordinal);
        Assert.Contains(logged, line => line.StartsWith("connect map map.txt line 1: out_2 -> hsm-other:out_1 not connected: JACK refused", StringComparison.Ordinal));
        backend.Stop();
    }
}
