using HapticShm.Jack;

namespace HapticShm.Server.Tests.Jack;

/// <summary>One private jackd per test class, named uniquely (process id + counter + random).</summary>
public sealed class JackServerFixture : IDisposable
{
    private static int _instances;

    public JackServerFixture() =>
        Jackd = JackdLauncher.Start($"hsm-test-{Environment.ProcessId}-{Interlocked.Increment(ref _instances)}-{Random.Shared.Next(1_000_000)}");

    public JackdLauncher Jackd { get; }

    public string ServerName => Jackd.ServerName;

    public void Dispose() => Jackd.Dispose();
}
