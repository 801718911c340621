using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Drawing;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Editor;

/// <summary>Process-wide memory figures: run alone, so no other test's allocations count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}

[Collection(MemoryMeasurementCollection.Name)]
public sealed unsafe class EditorLifetimeTests(ITestOutputHelper output)
{
    private const int Width = 800, Height = 400;
    private static readonly string FontPath = Path.Combine(AppContext.BaseDirectory, "Editor", "DejaVuSans.ttf");

    [Fact]
    public void OpenAndClose100Times_LeaksNeitherManagedNorNativeMemory()
    {
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        OpenDrawClose(block, now); // warm-up: SkiaSharp's and the runtime's one-time allocations
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        long residentBefore = ResidentBytes();
        for (int i = 0; i < 100; i++) OpenDrawClose(block, now);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long managedGrowth = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        long residentGrowth = ResidentBytes() - residentBefore;

        output.WriteLine($"100 open/draw/close cycles of an {Width} x {Height} editor: managed heap {managedGrowth / 1024} KiB, resident {residentGrowth / 1024} KiB");
        // One leaked cycle keeps a 1.25 MiB pixel buffer and a surface: 100 would be over 125 MiB.
        Assert.True(managedGrowth < 256 * 1024, $"managed heap grew by {managedGrowth} bytes");
        Assert.True(residentGrowth < 32L * 1024 * 1024, $"resident memory grew by {residentGrowth} bytes");
    }

    private static void OpenDrawClose(in StatusBlock block, long now)
    {
        var model = new EditorViewModel(Environment.ProcessId);
        model.Resize(Width, Height);
        using var painter = new EditorPainter(FontPath);
        painter.Resize(Width, Height);
        model.Update(block, true, new EditorConnectionInput(true, 1, null, 0), ParameterState.Defaults(), now);
        painter.Draw(model);
    }

    private static long ResidentBytes()
    {
        string[] fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }

}
