using System.Runtime.InteropServices;
using HapticShm.Plugin.Interop;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>One process() call with a stereo output filled with garbage first, so the test can
/// check the plugin zeroed it.</summary>
internal sealed unsafe class ProcessCall : IDisposable
{
    private readonly void*[] _channels = new void*[2];
    private readonly int _bytesPerSample;

    public ProcessCall(int numSamples, int sampleSize)
    {
        NumSamples = numSamples;
        SampleSize = sampleSize;
        _bytesPerSample = sampleSize == ProcessData.kSample64 ? sizeof(double) : sizeof(float);
        for (int c = 0; c < 2; c++)
        {
            _channels[c] = NativeMemory.Alloc((nuint)(numSamples * _bytesPerSample));
            new Span<byte>(_channels[c], numSamples * _bytesPerSample).Fill(0x3F);
        }
    }

    public int NumSamples { get; }

    public int SampleSize { get; }

    public TestEventList Events { get; } = new();

    public TestParameterChanges Parameters { get; } = new();

    /// <summary>ProcessData.processMode (0 realtime, 1 prefetch, 2 offline).</summary>
    public int ProcessMode { get; set; }

    /// <summary>The ProcessContext passed with the call, when <see cref="WithContext"/>.</summary>
    public ProcessContext Context;

    public bool WithContext { get; set; }

    public int Run(void* processor, out ulong silenceFlags)
    {
        fixed (void** channels = _channels)
        {
            var output = new AudioBusBuffers { numChannels = 2, silenceFlags = 0, channelBuffers = channels };
            ProcessContext context = Context;
            var data = new ProcessData
            {
                processMode = ProcessMode,
                processContext = WithContext ? &context : null,
                symbolicSampleSize = SampleSize,
                numSamples = NumSamples,
                numOutputs = 1,
                outputs = &output,
                inputParameterChanges = Parameters.Pointer,
                inputEvents = Events.Pointer,
            };
            int result = V<IAudioProcessorVtbl>(processor)->process(processor, &data);
            silenceFlags = output.silenceFlags;
            return result;
        }
    }

    public bool OutputIsSilent()
    {
        for (int c = 0; c < 2; c++)
        {
            if (new ReadOnlySpan<byte>(_channels[c], NumSamples * _bytesPerSample).ContainsAnyExcept((byte)0)) return false;
        }
        return true;
    }

    public void Dispose()
    {
        foreach (void* channel in _channels) NativeMemory.Free(channel);
        Events.Release();
        Parameters.Dispose();
    }
}
