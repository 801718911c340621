using System.Globalization;

namespace HapticShm.Server.Hosting;

/// <summary>The server's command line. Parsed by hand: the server is small and starts fast.</summary>
public sealed class ServerOptions
{
    public const string Usage = """
        usage: hapticshm-server [options]
          --backend NAME             auto, jack, null or asio (default auto: jack if a JACK server answers,
                                     else null, moving to JACK when it comes and back when it goes;
                                     asio: an ASIO driver, on Windows)
          --layout FILE              transducer layout JSON (default: 32 = 4 x 8 at 5 cm)
          --idle-exit SECONDS        exit this long after the last client leaves (default 10; 0 = never)
          --sample-rate N            null backend: frames per second (default 48000)
          --block N                  null backend: frames per block (default 64)
          --jack-server NAME         jack backend: server name (default: the default server)
          --connect                  jack backend: connect out_N to system:playback_N
          --connect-map FILE         jack backend: connect our ports as FILE says, one "out_N client:port" a line
          --device NAME|INDEX        asio backend: the driver (default: the first one)
          --channels LIST            asio backend: output channels by index, range or name, e.g. 0-15,24-39
          --buffer N                 asio backend: frames per buffer (default: the driver's preferred)
          --latency-margin-ms X      fixed latency = two blocks + this margin (default 1)
          --wave-voices N            travelling-wave voice pool (default 8)
          --standing-voices N        standing-wave voice pool (default 4)
          --phantom-voices N         phantom point-source voice pool, also for stroke points (default 8)
          --foreground               also log to stderr
        """;

    public string Backend { get; private set; } = "auto";
    public string? LayoutPath { get; private set; }
    public double IdleExitSeconds { get; private set; } = 10;
    public int SampleRate { get; private set; } = 48000;
    public int BlockSize { get; private set; } = 64;
    public string? JackServer { get; private set; }
    public bool Connect { get; private set; }
    public string? ConnectMapPath { get; private set; }
    public string? Device { get; private set; }
    public IReadOnlyList<string>? Channels { get; private set; }
    public int? Buffer { get; private set; }
    public double LatencyMarginMs { get; private set; } = 1;
    public int WaveVoices { get; private set; } = 8;
    public int StandingVoices { get; private set; } = 4;
    public int PhantomVoices { get; private set; } = 8;
    public bool Foreground { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a sentence.</summary>
    public static ServerOptions Parse(string[] args)
    {
        var options = new ServerOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{name} needs a value");
            switch (name)
            {
                case "--backend": options.Backend = Value(); break;
                case "--layout": options.LayoutPath = Value(); break;
                case "--idle-exit": options.IdleExitSeconds = Number(name, Value(), 0, 86400); break;
                case "--sample-rate": options.SampleRate = (int)Number(name, Value(), 8000, 384000); break;
                case "--block": options.BlockSize = (int)Number(name, Value(), 1, 4096); break;
                case "--jack-server": options.JackServer = Value(); break;
                case "--connect": options.Connect = true; break;
                case "--connect-map": options.ConnectMapPath = Value(); break;
                case "--device": options.Device = Value(); break;
                case "--channels": options.Channels = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--buffer": options.Buffer = (int)Number(name, Value(), 16, 8192); break;
                case "--latency-margin-ms": options.LatencyMarginMs = Number(name, Value(), 0, 1000); break;
                case "--wave-voices": options.WaveVoices = (int)Number(name, Value(), 0, 64); break;
                case "--standing-voices": options.StandingVoices = (int)Number(name, Value(), 0, 64); break;
                case "--phantom-voices": options.PhantomVoices = (int)Number(name, Value(), 1, 64); break;
                case "--foreground": options.Foreground = true; break;
                default: throw new FormatException($"unknown option '{name}'");
            }
        }
        if (options.Backend is not ("auto" or "jack" or "null" or "asio"))
            throw new FormatException($"unknown backend '{options.Backend}': use auto, jack, null or asio");
        return options;
    }

    private static double Number(string name, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < min || value > max)
            throw new FormatException($"{name} takes a number from {min} to {max}, not '{text}'");
        return value;
    }
}
