using HapticShm.Plugin.Core.Connection;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>A ring in a private directory, created as the server would, read back as the server would.</summary>
public sealed class TempRing : IDisposable
{
    private readonly TempRuntimeDirectory _directory = new();

    public TempRing(int capacity = 4096)
    {
        Path = _directory.File("ring.shm");
        Ring = CommandRing.Create(Path, capacity, Guid.NewGuid(), Environment.ProcessId);
    }

    public string Path { get; }

    public CommandRing Ring { get; }

    /// <summary>Points the plugin's next activation at this ring instead of a server (the
    /// <see cref="RingConnection.RingOverrideVariable"/> seam; the plugin reads it with libc getenv).</summary>
    public void OfferToPlugin() => Assert.Equal(0, Interop.Libc.setenv(RingConnection.RingOverrideVariable, Path, 1));

    public List<Command> Drain()
    {
        var commands = new List<Command>();
        while (Ring.Consumer.TryPop(out Command command)) commands.Add(command);
        return commands;
    }

    public void Dispose()
    {
        Ring.Dispose();
        _directory.Dispose();
    }
}
