namespace HapticShm.Cli.Tests;

/// <summary>Assembles test files from explicit bytes: a header chunk and track chunks whose bodies
/// the tests spell out byte by byte. The header is 14 bytes, so the first track body starts at 22.</summary>
internal static class SmfBytes
{
    public const int FirstTrackBody = 22;

    public static byte[] Header(int format, int tracks, int division) =>
        [(byte)'M', (byte)'T', (byte)'h', (byte)'d', 0, 0, 0, 6, 0, (byte)format, 0, (byte)tracks, (byte)(division >> 8), (byte)division];

    public static byte[] Track(params byte[] body) =>
        [(byte)'M', (byte)'T', (byte)'r', (byte)'k', (byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];

    public static byte[] File(int format, int division, params byte[][] trackBodies)
    {
        var bytes = new List<byte>(Header(format, trackBodies.Length, division));
        foreach (var body in trackBodies) bytes.AddRange(Track(body));
        return [.. bytes];
    }
}
