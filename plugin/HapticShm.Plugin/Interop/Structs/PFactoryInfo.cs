namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::PFactoryInfo (ipluginbase.h).</summary>
internal unsafe struct PFactoryInfo
{
    public const int kUnicode = 1 << 4;
    public fixed byte vendor[64];
    public fixed byte url[256];
    public fixed byte email[128];
    public int flags;
}
