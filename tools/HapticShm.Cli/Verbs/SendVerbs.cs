using System.CommandLine;
using System.Globalization;
using HapticShm.Cli.Client;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using Command = HapticShm.Shared.Protocol.Command;
using Verb = System.CommandLine.Command;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm send note|stroke|panic|param</c>: a client that connects through the same
/// handshake and ring as the plugin.</summary>
internal static class SendVerbs
{
    public static Verb Create()
    {
        var send = new Verb("send", "Send commands to the running server as a client.");
        send.Subcommands.Add(CreateNote());
        send.Subcommands.Add(CreateStroke());
        send.Subcommands.Add(CreatePanic());
        send.Subcommands.Add(CreateParam());
        send.Subcommands.Add(CreateStorm());
        return send;
    }

    private static Verb CreateNote()
    {
        var note = new Argument<int>("note") { Description = "MIDI note 0..127 (60 = middle C, 261.6 Hz)." };
        var velocity = new Option<int>("--velocity") { Description = "1..127 (below 64: travelling wave, else standing, by default).", DefaultValueFactory = _ => 100 };
        var channel = new Option<int>("--channel") { Description = "MIDI channel 1..16.", DefaultValueFactory = _ => 1 };
        var pressure = new Option<float>("--pressure") { Description = "0..1.", DefaultValueFactory = _ => 1f };
        var bend = new Option<float>("--bend") { Description = "Pitch bend -1..1: moves a travelling-wave source along x.", DefaultValueFactory = _ => 0f };
        var timbre = new Option<float>("--timbre") { Description = "0..1: moves a travelling-wave source along y.", DefaultValueFactory = _ => 0.5f };
        var duration = new Option<string>("--duration") { Description = "How long the note is held (500ms, 2s).", DefaultValueFactory = _ => "500ms" };
        var tail = new Option<string>("--tail") { Description = "How long to stay connected after the note-off, for the release.", DefaultValueFactory = _ => "600ms" };
        var kind = new Option<string?>("--kind") { Description = "Set the server's routing first: by-velocity, wave, standing, phantom (a point felt between transducers) or stroke (it stays set)." };
        kind.AcceptOnlyFromAmong([.. ParamNames.RoutingNames]);
        note.Validators.Add(result =>
        {
            if (OptionRules.TryGetValue(result, out int value) && value is < 0 or > 127) result.AddError($"note takes 0..127, not {value}");
        });
        velocity.Within(1, 127);
        channel.Within(1, 16);
        var command = new Verb("note", "Play one note.") { note, velocity, channel, pressure, bend, timbre, duration, tail, kind };
        command.SetAction(result => Run(sender =>
        {
            if (result.GetValue(kind) is string routing)
                sender.Send(Command.Param(ParamId.Routing, ParamNames.ParseValue(ParamId.Routing, routing), MonotonicClock.NowNs()));
            long now = MonotonicClock.NowNs();
            byte ch = (byte)(result.GetValue(channel) - 1);
            byte n = (byte)result.GetValue(note);
            var on = Command.NoteOn(ch, n, result.GetValue(velocity) / 127f, now) with
            {
                Pressure = result.GetValue(pressure),
                PitchBend = result.GetValue(bend),
                Timbre = result.GetValue(timbre),
            };
            Check(on);
            sender.Send(on);
            sender.Hold(DurationParser.Parse(result.GetValue(duration)!));
            sender.Send(Command.NoteOff(ch, n, MonotonicClock.NowNs()));
            sender.WaitConsumed(TimeSpan.FromSeconds(1));
            sender.Hold(DurationParser.Parse(result.GetValue(tail)!));
            Console.WriteLine($"played note {n} on channel {ch + 1}");
        }));
        return command;
    }

    private static Verb CreateStroke()
    {
        var from = new Option<string>("--from") { Description = "Start point x,y in metres (layout coordinates, e.g. 0,0).", Required = true };
        var to = new Option<string>("--to") { Description = "End point x,y in metres (e.g. 0.35,0.15).", Required = true };
        var milliseconds = new Option<float>("--ms") { Description = "How long the stroke takes, ms.", DefaultValueFactory = _ => 800f };
        var note = new Option<int>("--note") { Description = "Carrier: MIDI note 0..127.", DefaultValueFactory = _ => 50 };
        var velocity = new Option<int>("--velocity") { Description = "Amplitude 1..127.", DefaultValueFactory = _ => 100 };
        var channel = new Option<int>("--channel") { Description = "MIDI channel 1..16.", DefaultValueFactory = _ => 1 };
        milliseconds.Validators.Add(result =>
        {
            if (OptionRules.TryGetValue(result, out float value) && !(value >= CommandValidator.MinStrokeMilliseconds && value <= CommandValidator.MaxStrokeMilliseconds))
                result.AddError($"--ms takes {CommandValidator.MinStrokeMilliseconds}..{CommandValidator.MaxStrokeMilliseconds}, not {value}");
        });
        note.Within(0, 127);
        velocity.Within(1, 127);
        channel.Within(1, 16);
        var command = new Verb("stroke", "Draw a tactile stroke: phantom points along a line with Tactile Brush timing.") { from, to, milliseconds, note, velocity, channel };
        command.SetAction(result => Run(sender =>
        {
            (float x0, float y0) = ParsePoint("--from", result.GetValue(from)!);
            (float x1, float y1) = ParsePoint("--to", result.GetValue(to)!);
            float ms = result.GetValue(milliseconds);
            var stroke = Command.Stroke((byte)(result.GetValue(channel) - 1), (byte)result.GetValue(note), result.GetValue(velocity) / 127f, x0, y0, x1, y1, ms, MonotonicClock.NowNs());
            CommandError error = CommandValidator.Validate(stroke);
            if (error != CommandError.None) throw new FormatException($"invalid stroke: {error}");
            sender.Send(stroke);
            sender.WaitConsumed(TimeSpan.FromSeconds(1));
            sender.Hold(TimeSpan.FromMilliseconds(ms + 100));
            Console.WriteLine(FormattableString.Invariant($"stroke ({x0}, {y0}) -> ({x1}, {y1}) in {ms} ms"));
        }));
        return command;
    }

    /// <summary>"x,y" in metres.</summary>
    internal static (float X, float Y) ParsePoint(string option, string text)
    {
        string[] parts = text.Split(',');
        if (parts.Length == 2
            && float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out float x)
            && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float y)
            && float.IsFinite(x) && float.IsFinite(y))
            return (x, y);
        throw new FormatException($"{option} takes x,y in metres (e.g. 0.05,0.1), not '{text}'");
    }

    private static Verb CreatePanic()
    {
        var command = new Verb("panic", "Fade every voice of every client out fast.");
        command.SetAction(_ => Run(sender =>
        {
            sender.Send(Command.Panic(MonotonicClock.NowNs()));
            sender.WaitConsumed(TimeSpan.FromSeconds(1));
            Console.WriteLine("panic sent");
        }));
        return command;
    }

    private static Verb CreateParam()
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", ParamNames.ByName.Keys)}." };
        var value = new Argument<string>("value") { Description = "The value (routing: by-velocity, wave, standing, phantom, stroke)." };
        var command = new Verb("param", "Set an engine parameter.") { name, value };
        command.SetAction(result =>
        {
            if (!ParamNames.ByName.TryGetValue(result.GetValue(name)!, out ParamId id))
                return Fail($"unknown parameter '{result.GetValue(name)}': use {string.Join(", ", ParamNames.ByName.Keys)}");
            float parsed;
            try { parsed = ParamNames.ParseValue(id, result.GetValue(value)!); }
            catch (FormatException e) { return Fail(e.Message); }
            return Run(sender =>
            {
                sender.Send(Command.Param(id, parsed, MonotonicClock.NowNs()));
                sender.WaitConsumed(TimeSpan.FromSeconds(1));
                Console.WriteLine($"{result.GetValue(name)} = {parsed}");
            });
        });
        return command;
    }

    private static Verb CreateStorm()
    {
        var seconds = new Option<double>("--seconds") { Description = "How long.", DefaultValueFactory = _ => 10 };
        var rate = new Option<int>("--per-ms") { Description = "Commands per millisecond.", DefaultValueFactory = _ => 100 };
        var notes = new Option<int>("--notes") { Description = "Notes held at once (1..15).", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        seconds.Positive();
        rate.Within(1, 10_000);
        notes.Within(1, 15);
        var command = new Verb("storm", "Stress the server: many notes and MPE changes every millisecond.") { seconds, rate, notes, seed };
        command.SetAction(result => Run(sender =>
        {
            var storm = new EventStorm(sender, result.GetValue(seed), result.GetValue(rate), result.GetValue(notes));
            storm.Run(TimeSpan.FromSeconds(result.GetValue(seconds)));
            sender.WaitConsumed(TimeSpan.FromSeconds(2));
            Console.WriteLine($"storm: sent {storm.Sent}, dropped {storm.Dropped}");
        }));
        return command;
    }

    private static void Check(in Command command)
    {
        CommandError error = CommandValidator.Validate(command);
        if (error != CommandError.None) throw new FormatException($"invalid note: {error}");
    }

    private static int Run(Action<CommandSender> body)
    {
        try
        {
            using var sender = new CommandSender("hapticshm send");
            body(sender);
            return 0;
        }
        catch (ServerUnavailableException e) { return Fail($"{e.Message} (start one with: hapticshm server start)", 3); }
        catch (HandshakeRejectedException e) { return Fail($"the server refused: {e.Message}"); }
        catch (RingFormatException e) { return Fail(e.Message); }
        catch (FormatException e) { return Fail(e.Message); }
    }

    private static int Fail(string message, int code = 1)
    {
        Console.Error.WriteLine($"hapticshm send: {message}");
        return code;
    }
}
