using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>A clap_process_t with one stereo float output (filled with garbage before each call,
/// so silence is the plugin's doing) and a steady time that advances by the block size.</summary>
internal sealed unsafe class ClapTestProcess : IDisposable
{
    private readonly float** _channels;

    public ClapTestProcess(int frames)
    {
        Frames = frames;
        Data = (ClapProcess*)NativeMemory.AllocZeroed((nuint)sizeof(ClapProcess));
        _channels = (float**)NativeMemory.AllocZeroed(2, (nuint)sizeof(float*));
        for (int c = 0; c < 2; c++) _channels[c] = (float*)NativeMemory.AllocZeroed((nuint)frames, sizeof(float));
        Output = (ClapAudioBuffer*)NativeMemory.AllocZeroed((nuint)sizeof(ClapAudioBuffer));
        Output->Data32 = _channels;
        Output->ChannelCount = 2;
        Data->AudioOutputs = Output;
        Data->AudioOutputsCount = 1;
        Data->FramesCount = (uint)frames;
    }

    public int Frames { get; }

    public ClapProcess* Data { get; }

    public ClapAudioBuffer* Output { get; }

    public long SteadyTime { get; set; }

    /// <summary>One process() call with <paramref name="events"/>; returns the status.</summary>
    public int Run(ClapPlugin* plugin, ClapTestEvents events)
    {
        for (int c = 0; c < 2; c++) new Span<float>(_channels[c], Frames).Fill(0.5f);
        Output->ConstantMask = 0;
        Data->SteadyTime = SteadyTime;
        Data->InEvents = events.Input;
        Data->OutEvents = events.Output;
        int status = plugin->Process(plugin, Data);
        SteadyTime += Frames;
        return status;
    }

    /// <summary>Whether both output channels are all zero and marked constant.</summary>
    public bool OutputIsSilent()
    {
        for (int c = 0; c < 2; c++)
            foreach (float sample in new ReadOnlySpan<float>(_channels[c], Frames)) if (sample != 0f) return false;
        return Output->ConstantMask == 0x3;
    }

    public void Dispose()
    {
        for (int c = 0; c < 2; c++) NativeMemory.Free(_channels[c]);
        NativeMemory.Free(_channels);
        NativeMemory.Free(Output);
        NativeMemory.Free(Data);
    }
}
