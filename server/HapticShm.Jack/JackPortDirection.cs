namespace HapticShm.Jack;

/// <summary>Which way audio flows through a port, seen from the client that owns it.</summary>
public enum JackPortDirection
{
    /// <summary>The client reads it (JackPortIsInput).</summary>
    Input,

    /// <summary>The client writes it (JackPortIsOutput).</summary>
    Output,
}
