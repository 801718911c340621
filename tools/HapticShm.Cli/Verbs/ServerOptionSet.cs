using System.CommandLine;
using System.Globalization;

namespace HapticShm.Cli.Verbs;

/// <summary>The options `server run` and `server start` pass on to hapticshm-server.</summary>
internal sealed class ServerOptionSet
{
    public Option<string> Backend { get; } = new("--backend") { Description = "auto (jack if a JACK server answers, else null until one does), jack, null or asio.", DefaultValueFactory = _ => "auto" };
    public Option<string?> Layout { get; } = new("--layout") { Description = "Transducer layout JSON (default 4 x 8 at 5 cm)." };
    public Option<double> IdleExit { get; } = new("--idle-exit") { Description = "Exit this many seconds after the last client leaves (0 = never).", DefaultValueFactory = _ => 0 };
    public Option<string?> JackServer { get; } = new("--jack-server") { Description = "JACK server name." };
    public Option<bool> Connect { get; } = new("--connect") { Description = "Connect out_N to system:playback_N (jack)." };
    public Option<string?> ConnectMap { get; } = new("--connect-map") { Description = "Connect our ports as this file says, one \"out_N client:port\" a line (jack)." };
    public Option<int?> SampleRate { get; } = new("--sample-rate") { Description = "Null backend: frames per second." };
    public Option<int?> Block { get; } = new("--block") { Description = "Null backend: frames per block." };

    public void AddTo(Command command)
    {
        Backend.AcceptOnlyFromAmong("auto", "jack", "null", "asio");
        command.Options.Add(Backend);
        command.Options.Add(Layout);
        command.Options.Add(IdleExit);
        command.Options.Add(JackServer);
        command.Options.Add(Connect);
        command.Options.Add(ConnectMap);
        command.Options.Add(SampleRate);
        command.Options.Add(Block);
    }

    public List<string> ToServerArguments(ParseResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var args = new List<string> { "--backend", result.GetValue(Backend)!, "--idle-exit", result.GetValue(IdleExit).ToString(c) };
        if (result.GetValue(Layout) is string layout) args.AddRange(["--layout", Path.GetFullPath(layout)]);
        if (result.GetValue(JackServer) is string jack) args.AddRange(["--jack-server", jack]);
        if (result.GetValue(Connect)) args.Add("--connect");
        if (result.GetValue(ConnectMap) is string map) args.AddRange(["--connect-map", Path.GetFullPath(map)]);
        if (result.GetValue(SampleRate) is int rate) args.AddRange(["--sample-rate", rate.ToString(c)]);
        if (result.GetValue(Block) is int block) args.AddRange(["--block", block.ToString(c)]);
        return args;
    }
}
