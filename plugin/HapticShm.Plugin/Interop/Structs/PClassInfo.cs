namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::PClassInfo (ipluginbase.h).</summary>
internal unsafe struct PClassInfo
{
    public const int kManyInstances = 0x7FFFFFFF;
    public Tuid cid;
    public int cardinality;
    public fixed byte category[32];
    public fixed byte name[64];
}
