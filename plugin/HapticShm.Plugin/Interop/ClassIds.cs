namespace HapticShm.Plugin.Interop;

/// <summary>Our two class ids (generated once for HapticShm; never change them, hosts store them
/// in projects). Bundle/moduleinfo.json repeats them; a test checks both agree.</summary>
internal static class ClassIds
{
    public static readonly Tuid Processor = Tuid.FromWords(0x5A1C7E3B, 0x94D24F0A, 0xB6E8217C, 0x3F09D5A1);
    public static readonly Tuid Controller = Tuid.FromWords(0x8B3F2D61, 0x07AE4C95, 0x9D14E6B2, 0xC7508F3E);
}
