namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::PClassInfoW (ipluginbase.h): like PClassInfo2 with UTF-16 names.</summary>
internal unsafe struct PClassInfoW
{
    public Tuid cid;
    public int cardinality;
    public fixed byte category[32];
    public fixed char name[64];
    public uint classFlags;
    public fixed byte subCategories[128];
    public fixed char vendor[64];
    public fixed char version[64];
    public fixed char sdkVersion[64];
}
