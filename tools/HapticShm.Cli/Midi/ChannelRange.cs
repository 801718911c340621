namespace HapticShm.Cli.Midi;

/// <summary>One channel followed by an inclusive range of others, enumerated without allocating.</summary>
internal readonly struct ChannelRange(int single, int first, int last)
{
    public Enumerator GetEnumerator() => new(single, first, last);

    public struct Enumerator(int single, int first, int last)
    {
        private int _next = -2;

        public int Current { get; private set; }

        public bool MoveNext()
        {
            if (_next == -2)
            {
                _next = first;
                Current = single;
                return true;
            }
            while (_next <= last)
            {
                int candidate = _next++;
                if (candidate == single) continue;
                Current = candidate;
                return true;
            }
            return false;
        }
    }
}
