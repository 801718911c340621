using System.Runtime.ExceptionServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>
/// The one thread that talks to the driver outside the audio callbacks: it creates the COM
/// object (as an STA on Windows, which ASIO drivers expect), makes every control call, and
/// between requests runs <c>onIdle</c> every few milliseconds, which the backend uses to act on
/// driver messages. Waiting here allocates nothing.
/// </summary>
internal sealed class AsioDriverThread : IDisposable
{
    private const int IdlePeriodMs = 5;
    private readonly Thread _thread;
    private readonly Action _onIdle;
    private readonly ManualResetEventSlim _workReady = new(false);
    private readonly ManualResetEventSlim _workDone = new(false);
    private readonly Lock _gate = new(); // serialises callers of Invoke
    private Action? _work;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _exit;

    public AsioDriverThread(string name, Action onIdle)
    {
        _onIdle = onIdle;
        _thread = new Thread(Run) { Name = name, IsBackground = true };
        if (OperatingSystem.IsWindows()) _thread.SetApartmentState(ApartmentState.STA);
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on this thread and waits; exceptions come back to the caller.</summary>
    public void Invoke(Action work)
    {
        if (Thread.CurrentThread == _thread)
        {
            work();
            return;
        }
        ObjectDisposedException.ThrowIf(_exit, this);
        lock (_gate)
        {
            _failure = null;
            _workDone.Reset();
            _work = work;
            _workReady.Set();
            _workDone.Wait();
            _failure?.Throw();
        }
    }

    private void Run()
    {
        while (!_exit)
        {
            if (_workReady.Wait(IdlePeriodMs))
            {
                _workReady.Reset();
                try { _work?.Invoke(); }
                catch (Exception e) { _failure = ExceptionDispatchInfo.Capture(e); }
                _work = null;
                _workDone.Set();
            }
            else
            {
                _onIdle();
            }
        }
    }

    public void Dispose()
    {
        if (_exit) return;
        _exit = true;
        if (Thread.CurrentThread != _thread) _thread.Join();
        _workReady.Dispose();
        _workDone.Dispose();
    }
}
