namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::PClassInfo2 (ipluginbase.h): ASCII names plus sub-categories and versions.</summary>
internal unsafe struct PClassInfo2
{
    public Tuid cid;
    public int cardinality;
    public fixed byte category[32];
    public fixed byte name[64];
    public uint classFlags;
    public fixed byte subCategories[128];
    public fixed byte vendor[64];
    public fixed byte version[64];
    public fixed byte sdkVersion[64];
}
