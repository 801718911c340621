using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Window;

/// <summary>What the plugin reports about its editor windows through its diagnostics export
/// (<c>HapticShm_EditorDiagnostics</c>): a test host in another runtime cannot measure the
/// plugin's heap or its frames itself. Blittable, fixed layout.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct EditorDiagnosticsData
{
    /// <summary>Editor windows open now.</summary>
    public int OpenWindows;
    /// <summary>Native windows created and destroyed since the module loaded.</summary>
    public int WindowsCreated, WindowsDestroyed;
    /// <summary>Frames drawn since the last window opened.</summary>
    public long Frames;
    /// <summary>Bytes the UI thread allocated in those timer ticks (input, frame, blit), the first
    /// one left out (it may meet lazily initialised code once).</summary>
    public long FrameAllocatedBytes;
    /// <summary>Median and longest timer tick (input, read, update, draw, blit) of the last up to 1024, ns.</summary>
    public long FrameNsMedian, FrameNsMax;
    /// <summary>The plugin runtime's GC heap (after a full collection when one was asked for).</summary>
    public long GcHeapBytes;
    /// <summary>Garbage collections of generation 0 so far.</summary>
    public int Gen0Collections;
}

/// <summary>Where a timer tick started: its clock and the thread's allocation count.</summary>
public readonly record struct FrameMeasure(long Timestamp, long AllocatedBytes);

/// <summary>The counters behind <see cref="EditorDiagnosticsData"/> (UI thread only).</summary>
public static class EditorDiagnostics
{
    private const int Window = 1024;
    private static readonly long[] s_frameNs = new long[Window];
    private static readonly long[] s_sorted = new long[Window];
    private static long s_frames, s_allocated;
    private static int s_open, s_created, s_destroyed;

    /// <summary>A window opened: the frame figures start over.</summary>
    public static void WindowCreated()
    {
        s_created++;
        s_open++;
        s_frames = 0;
        s_allocated = 0;
    }

    /// <summary>A window closed.</summary>
    public static void WindowDestroyed()
    {
        s_destroyed++;
        s_open--;
    }

    /// <summary>Starts measuring one timer tick (input, frame, blit) on the UI thread.</summary>
    public static FrameMeasure Begin() => new(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Ends the tick begun with <paramref name="measure"/>.</summary>
    public static void End(in FrameMeasure measure) =>
        RecordFrame((long)Stopwatch.GetElapsedTime(measure.Timestamp).TotalNanoseconds, GC.GetAllocatedBytesForCurrentThread() - measure.AllocatedBytes);

    private static void RecordFrame(long ns, long allocatedBytes)
    {
        if (s_frames > 0) s_allocated += allocatedBytes;
        s_frameNs[s_frames % Window] = ns;
        s_frames++;
    }

    /// <summary>A snapshot; <paramref name="collect"/> runs a full blocking GC first (tests only).</summary>
    public static EditorDiagnosticsData Read(bool collect)
    {
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        int n = (int)Math.Min(s_frames, Window);
        Array.Copy(s_frameNs, s_sorted, n);
        Array.Sort(s_sorted, 0, n);
        return new EditorDiagnosticsData
        {
            OpenWindows = s_open,
            WindowsCreated = s_created,
            WindowsDestroyed = s_destroyed,
            Frames = s_frames,
            FrameAllocatedBytes = s_allocated,
            FrameNsMedian = n == 0 ? 0 : s_sorted[n / 2],
            FrameNsMax = n == 0 ? 0 : s_sorted[n - 1],
            GcHeapBytes = GC.GetTotalMemory(false),
            Gen0Collections = GC.CollectionCount(0),
        };
    }
}
