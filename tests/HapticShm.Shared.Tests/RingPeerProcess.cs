using System.Diagnostics;

namespace HapticShm.Shared.Tests;

/// <summary>Starts the HapticShm.RingPeer helper, built next to the tests, as a real second process.</summary>
internal static class RingPeerProcess
{
    public static Process StartProducer(string ringPath, long count)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "HapticShm.RingPeer.dll");
        Assert.True(File.Exists(dll), $"helper not built: {dll}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("produce");
        info.ArgumentList.Add(ringPath);
        info.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(info)!;
    }
}
