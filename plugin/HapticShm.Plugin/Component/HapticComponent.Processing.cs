using HapticShm.Plugin.Com;
using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Timing;
using HapticShm.Plugin.Interop;
using HapticShm.Shared;

namespace HapticShm.Plugin.Component;

internal sealed unsafe partial class HapticComponent
{
    /// <summary>One host block: parameter points and events into the core, silence out.</summary>
    /// <remarks>Real-time contract: no allocation, no lock, no syscall, returns promptly.</remarks>
    public int Process(ProcessData* data)
    {
        Processor.BeginBlock(ReadBlock(data, MonotonicClock.NowNs()));
        try
        {
            if (data->inputParameterChanges != null) ReadParameterChanges(data->inputParameterChanges);
            if (data->inputEvents != null) ReadEvents(data->inputEvents);
        }
        finally
        {
            // Even when reading threw: the block epoch must say "left the block" (see RetireRing).
            Processor.EndBlock();
        }
        Silence(data);
        return VstResult.kResultOk;
    }

    /// <summary>The block as the core sees it: mode, size and what the host's ProcessContext
    /// marks valid.</summary>
    public static HostBlock ReadBlock(ProcessData* data, long nowNs)
    {
        var block = HostBlock.Bare(nowNs, data->numSamples);
        block.Mode = data->processMode is >= 0 and <= 2 ? (HostProcessMode)data->processMode : HostProcessMode.Realtime;
        var context = (ProcessContext*)data->processContext;
        if (context == null) return block;
        block.SampleRate = double.IsFinite(context->sampleRate) ? context->sampleRate : 0;
        block.HasContinuousTime = (context->state & ProcessContext.kContTimeValid) != 0;
        block.ContinuousTimeSamples = context->continousTimeSamples;
        block.HasSystemTime = (context->state & ProcessContext.kSystemTimeValid) != 0;
        block.SystemTimeNs = context->systemTime;
        block.HasTransport = true;
        block.IsPlaying = (context->state & ProcessContext.kPlaying) != 0;
        block.ProjectTimeSamples = context->projectTimeSamples;
        return block;
    }

    private void ReadParameterChanges(void* changes)
    {
        IParameterChangesVtbl* vtbl = NativeCalls.Vtbl<IParameterChangesVtbl>(changes);
        int count = vtbl->getParameterCount(changes);
        for (int i = 0; i < count; i++)
        {
            void* queue = vtbl->getParameterData(changes, i);
            if (queue == null) continue;
            IParamValueQueueVtbl* queueVtbl = NativeCalls.Vtbl<IParamValueQueueVtbl>(queue);
            uint id = queueVtbl->getParameterId(queue);
            int points = queueVtbl->getPointCount(queue);
            for (int j = 0; j < points; j++)
            {
                int sampleOffset;
                double value;
                if (queueVtbl->getPoint(queue, j, &sampleOffset, &value) == VstResult.kResultOk)
                    Processor.AddParameterPoint(id, sampleOffset, value);
            }
        }
    }

    private void ReadEvents(void* events)
    {
        IEventListVtbl* vtbl = NativeCalls.Vtbl<IEventListVtbl>(events);
        int count = vtbl->getEventCount(events);
        Event e;
        for (int i = 0; i < count; i++)
        {
            if (vtbl->getEvent(events, i, &e) != VstResult.kResultOk || e.busIndex != 0) continue;
            switch (e.type)
            {
                case Event.kNoteOnEvent:
                    Processor.AddNote(NoteInput.NoteOn(e.sampleOffset, e.noteOn.channel, e.noteOn.pitch, e.noteOn.velocity, e.noteOn.noteId));
                    break;
                case Event.kNoteOffEvent:
                    Processor.AddNote(NoteInput.NoteOff(e.sampleOffset, e.noteOff.channel, e.noteOff.pitch, e.noteOff.noteId));
                    break;
                case Event.kPolyPressureEvent:
                    Processor.AddNote(NoteInput.PolyPressure(e.sampleOffset, e.polyPressure.channel, e.polyPressure.pitch, e.polyPressure.pressure, e.polyPressure.noteId));
                    break;
                case Event.kNoteExpressionValueEvent:
                    if (TryMapExpression(e.noteExpressionValue.typeId, out NoteExpressionKind kind))
                        Processor.AddNote(NoteInput.NoteExpression(e.sampleOffset, e.noteExpressionValue.noteId, kind, e.noteExpressionValue.value));
                    break;
            }
        }
    }

    /// <summary>The VST3 note expression types we use (see NoteExpressionKind for the mapping).</summary>
    public static bool TryMapExpression(uint typeId, out NoteExpressionKind kind)
    {
        kind = typeId switch
        {
            NoteExpressionTypeInfo.kVolumeTypeID => NoteExpressionKind.Volume,
            NoteExpressionTypeInfo.kTuningTypeID => NoteExpressionKind.Tuning,
            NoteExpressionTypeInfo.kBrightnessTypeID => NoteExpressionKind.Brightness,
            NoteExpressionTypeInfo.kExpressionTypeID => NoteExpressionKind.Expression,
            _ => (NoteExpressionKind)255,
        };
        return (byte)kind != 255;
    }

    // The output bus carries no sound: zero whatever the host gave us, in its sample size.
    private static void Silence(ProcessData* data)
    {
        if (data->outputs == null || data->numSamples <= 0) return;
        nuint bytesPerSample = data->symbolicSampleSize == ProcessData.kSample64 ? (nuint)sizeof(double) : sizeof(float);
        for (int bus = 0; bus < data->numOutputs; bus++)
        {
            AudioBusBuffers* buffers = &data->outputs[bus];
            if (buffers->channelBuffers == null) continue;
            for (int channel = 0; channel < buffers->numChannels; channel++)
            {
                void* samples = buffers->channelBuffers[channel];
                if (samples != null) System.Runtime.InteropServices.NativeMemory.Clear(samples, (nuint)data->numSamples * bytesPerSample);
            }
            buffers->silenceFlags = buffers->numChannels >= 64 ? ulong.MaxValue : (1UL << buffers->numChannels) - 1;
        }
    }
}
