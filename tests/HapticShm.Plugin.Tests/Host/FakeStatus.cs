using HapticShm.Shared;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>A status block next to a <see cref="FakeServer"/>'s socket, published about every
/// 10 ms as a live server's audio callback does, until the test freezes it (a hung server).</summary>
internal sealed unsafe class FakeStatus : IDisposable
{
    private readonly StatusFile _file;
    private readonly Thread _thread;
    private readonly Lock _writer = new(); // the seqlock wants one writer at a time
    private volatile bool _frozen;
    private volatile bool _disposed;

    public FakeStatus(string directory, int serverPid)
    {
        _file = StatusFile.Create(Path.Combine(directory, "status.shm"));
        ServerPid = serverPid;
        _thread = new Thread(Publish) { IsBackground = true, Name = "fake status" };
        _thread.Start();
    }

    /// <summary>The pid the block names; change it to stand for another server.</summary>
    public int ServerPid
    {
        get => _file.Block->ServerPid;
        set
        {
            lock (_writer)
            {
                _file.BeginWrite();
                _file.Block->ServerPid = value;
                _file.EndWrite();
            }
        }
    }

    /// <summary>Publishes <paramref name="content"/> (layout, levels, sources, clients...) from now
    /// on; the file's own header (magic, version, sequence) and the publish time stay this writer's.</summary>
    public void Publish(in StatusBlock content)
    {
        lock (_writer)
        {
            _file.BeginWrite();
            StatusBlock* block = _file.Block;
            (ulong magic, int version, int total, long sequence, int pid) = (block->Magic, block->Version, block->TotalBytes, block->Sequence, block->ServerPid);
            *block = content;
            (block->Magic, block->Version, block->TotalBytes, block->Sequence, block->ServerPid) = (magic, version, total, sequence, pid);
            block->UpdatedNs = MonotonicClock.NowNs();
            block->ReadyNs = 1;
            _file.EndWrite();
        }
    }

    /// <summary>Stops (true) or resumes (false) publishing.</summary>
    public bool Frozen
    {
        get => _frozen;
        set => _frozen = value;
    }

    private void Publish()
    {
        while (!_disposed)
        {
            if (!_frozen)
            {
                lock (_writer)
                {
                    _file.BeginWrite();
                    _file.Block->UpdatedNs = MonotonicClock.NowNs();
                    _file.Block->ReadyNs = 1;
                    _file.EndWrite();
                }
            }
            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _thread.Join();
        _file.Dispose();
    }
}
