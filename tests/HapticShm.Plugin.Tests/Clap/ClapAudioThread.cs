using System.Collections.Concurrent;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>The host's audio thread: runs what it is given, one at a time, and says which thread
/// it is (the test host's thread-check answers "audio" there only).</summary>
internal sealed class ClapAudioThread : IDisposable
{
    private readonly BlockingCollection<(Action Work, ManualResetEventSlim Done)> _queue = [];
    private readonly Thread _thread;
    private Exception? _failure;

    public ClapAudioThread(ClapTestHost host)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "clap test audio" };
        _thread.Start();
        ThreadId = _thread.ManagedThreadId;
        host.AudioThreadId = ThreadId;
    }

    public int ThreadId { get; }

    /// <summary>Runs <paramref name="work"/> on the audio thread and waits for it.</summary>
    public void Run(Action work)
    {
        using var done = new ManualResetEventSlim();
        _queue.Add((work, done));
        Assert.True(done.Wait(TimeSpan.FromSeconds(30)), "the audio thread did not finish its work in 30 s");
        Exception? failure = Interlocked.Exchange(ref _failure, null);
        if (failure is not null) throw new InvalidOperationException("work on the audio thread failed", failure);
    }

    public T Run<T>(Func<T> work)
    {
        T result = default!;
        Run(() => { result = work(); });
        return result;
    }

    private void Run()
    {
        foreach ((Action work, ManualResetEventSlim done) in _queue.GetConsumingEnumerable())
        {
            try { work(); }
            catch (Exception e) { _failure = e; }
            done.Set();
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }
}
