using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Timing;
using HapticShm.Shared;

namespace HapticShm.Plugin.Clap;

internal sealed unsafe partial class ClapInstance
{
    /// <summary>One host block: events into the core, silence out.</summary>
    /// <remarks>Real-time contract: no allocation, no lock, no syscall, returns promptly. A call the
    /// host's thread-check says is not on an audio thread is refused (CLAP_PROCESS_ERROR), nothing
    /// processed.</remarks>
    public int Process(ClapProcess* process)
    {
        if (!IsActive || !OnAudioThread) return ClapProcessStatus.Error;
        HostBlock block = ReadBlock(process, SampleRate, MonotonicClock.NowNs());
        if (RendersOffline) block.Mode = HostProcessMode.Offline;
        Processor.BeginBlock(block);
        try
        {
            if (process->InEvents != null) ClapEventReader.Read(Processor, process->InEvents, inBlock: true);
        }
        finally
        {
            // Even when reading threw: the block epoch must say "left the block" (see RetireRing).
            Processor.EndBlock();
        }
        Silence(process);
        Edits.DrainTo(process->OutEvents); // the editor's gestures and values, for the host to record
        // Always called back: every block stamps the session's heartbeat the watchdog reads.
        return ClapProcessStatus.Continue;
    }

    /// <summary>The block as the core sees it: steady_time is CLAP's sample position that never
    /// jumps (VST3's continuous time); the transport, when given, says playing and where.</summary>
    public static HostBlock ReadBlock(ClapProcess* process, double sampleRate, long nowNs)
    {
        var block = HostBlock.Bare(nowNs, (int)Math.Min(process->FramesCount, int.MaxValue));
        block.Mode = HostProcessMode.Realtime;
        block.SampleRate = sampleRate;
        if (process->SteadyTime >= 0)
        {
            block.HasContinuousTime = true;
            block.ContinuousTimeSamples = process->SteadyTime;
        }
        ClapEventTransport* transport = process->Transport;
        if (transport != null && (transport->Flags & ClapEventTransport.HasSecondsTimeline) != 0)
        {
            block.HasTransport = true;
            block.IsPlaying = (transport->Flags & ClapEventTransport.IsPlaying) != 0;
            block.ProjectTimeSamples = (long)Math.Round((double)transport->SongPosSeconds / ClapEventTransport.SecTimeFactor * sampleRate);
        }
        return block;
    }

    // The output port carries no sound: zero whatever the host gave us, in its sample size.
    private static void Silence(ClapProcess* process)
    {
        if (process->AudioOutputs == null) return;
        nuint frames = process->FramesCount;
        for (uint port = 0; port < process->AudioOutputsCount; port++)
        {
            ClapAudioBuffer* buffer = &process->AudioOutputs[port];
            for (uint channel = 0; channel < buffer->ChannelCount; channel++)
            {
                if (buffer->Data32 != null && buffer->Data32[channel] != null)
                    System.Runtime.InteropServices.NativeMemory.Clear(buffer->Data32[channel], frames * sizeof(float));
                if (buffer->Data64 != null && buffer->Data64[channel] != null)
                    System.Runtime.InteropServices.NativeMemory.Clear(buffer->Data64[channel], frames * sizeof(double));
            }
            buffer->ConstantMask = buffer->ChannelCount >= 64 ? ulong.MaxValue : (1UL << (int)buffer->ChannelCount) - 1;
        }
    }
}
