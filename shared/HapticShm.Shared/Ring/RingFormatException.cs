namespace HapticShm.Shared.Ring;

/// <summary>A file that cannot be used as a ring; the message names the file and the problem.</summary>
public sealed class RingFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public RingFormatException(string path, string problem) : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The ring file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
