namespace HapticShm.Jack;

/// <summary>One recorded process cycle of a <see cref="JackCaptureClient"/>.</summary>
/// <param name="FirstSample">Index, in the recording, of the cycle's first frame.</param>
/// <param name="FrameTime">JACK frame time of that frame.</param>
/// <param name="MonotonicNs">When JACK's frame timer places that frame, on <see cref="HapticShm.Shared.MonotonicClock"/> (µs resolution).</param>
public readonly record struct JackCaptureCycle(long FirstSample, uint FrameTime, long MonotonicNs);
