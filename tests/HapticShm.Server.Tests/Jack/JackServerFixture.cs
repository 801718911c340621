namespace HapticShm.Server.Tests.Jack;

/// <summary>One private jackd per test class, named uniquely (process id + counter + random).</summary>
public sealed class JackServerFixture : IDisposable
{
    private static int _instances;

    public JackServerFixture() =>
        Jackd = JackdProcess.Start($"hsm-test-{Environment.ProcessId}-{Interlocked.Increment(ref _instances)}-{Random.Shared.Next(1_000_000)}");

    public JackdProcess Jackd { get; }

    public string ServerName => Jackd.ServerName;

    public void Dispose() => Jackd.Dispose();
}
