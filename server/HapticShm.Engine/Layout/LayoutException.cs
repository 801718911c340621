namespace HapticShm.Engine;

/// <summary>A transducer layout file that cannot be used. The message reads
/// <c>"&lt;file&gt;: &lt;json path&gt;: &lt;what is wrong&gt;"</c>.</summary>
public sealed class LayoutException : Exception
{
    public LayoutException() { }

    public LayoutException(string message) : base(message) { }

    public LayoutException(string message, Exception innerException) : base(message, innerException) { }

    public LayoutException(string sourceName, string jsonPath, string problem, Exception? innerException = null)
        : base($"{sourceName}: {jsonPath}: {problem}", innerException)
    {
        SourceName = sourceName;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The file (or other source) the layout came from.</summary>
    public string SourceName { get; } = "";

    /// <summary>Where in the document, e.g. <c>$.transducers[3].x</c>.</summary>
    public string JsonPath { get; } = "$";

    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; } = "";
}
