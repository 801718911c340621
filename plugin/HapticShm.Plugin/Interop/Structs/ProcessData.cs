namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::ProcessData (ivstaudioprocessor.h). The interface pointers are the
/// host's objects (first field: vtable pointer).</summary>
internal unsafe struct ProcessData
{
    public const int kSample32 = 0;
    public const int kSample64 = 1;
    public int processMode;
    public int symbolicSampleSize;
    public int numSamples;
    public int numInputs;
    public int numOutputs;
    public AudioBusBuffers* inputs;
    public AudioBusBuffers* outputs;
    public void* inputParameterChanges;
    public void* outputParameterChanges;
    public void* inputEvents;
    public void* outputEvents;
    public void* processContext;
}
