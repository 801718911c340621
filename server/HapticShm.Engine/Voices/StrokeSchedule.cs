using System.Numerics;

namespace HapticShm.Engine.Voices;

/// <summary>
/// The strokes being drawn: for each, the exact engine frames at which its points start and
/// stop (<see cref="TactileBrush"/> timing, rounded to the nearest frame from the stroke's start)
/// and the phantom voice playing each point. Fixed capacity, allocated once.
/// </summary>
internal sealed class StrokeSchedule
{
    /// <summary>Strokes drawn at once; a new one beyond that ends the oldest.</summary>
    public const int Capacity = 8;

    private readonly Stroke[] _strokes = new Stroke[Capacity];

    public StrokeSchedule()
    {
        for (int i = 0; i < Capacity; i++) _strokes[i] = new Stroke();
    }

    public ReadOnlySpan<Stroke> Strokes => _strokes;

    /// <summary>Earliest frame at which a point starts or stops, or <see cref="long.MaxValue"/>.</summary>
    public long NextEventFrame
    {
        get
        {
            long next = long.MaxValue;
            foreach (Stroke stroke in _strokes)
            {
                if (stroke.Active) next = Math.Min(next, stroke.NextEventFrame);
            }
            return next;
        }
    }

    /// <summary>A slot for a new stroke: a free one, else the one started first (the caller ends it).</summary>
    public Stroke Acquire()
    {
        Stroke? oldest = null;
        foreach (Stroke stroke in _strokes)
        {
            if (!stroke.Active) return stroke;
            if (oldest is null || stroke.StartFrame < oldest.StartFrame) oldest = stroke;
        }
        return oldest!;
    }

    /// <summary>One stroke: where its points are, when each starts and stops, which voice plays it.</summary>
    internal sealed class Stroke
    {
        private readonly long[] _onset = new long[TactileBrush.MaxPoints];
        private readonly long[] _release = new long[TactileBrush.MaxPoints];
        private readonly PhantomVoice?[] _voice = new PhantomVoice?[TactileBrush.MaxPoints];
        private readonly long[] _order = new long[TactileBrush.MaxPoints];
        private Vector2 _from, _to;

        public bool Active { get; private set; }
        public long StartFrame { get; private set; }
        public int Points { get; private set; }
        public int ClientId { get; private set; }
        /// <summary>The note-on every point starts with (channel, note, velocity, pressure).</summary>
        public Shared.Protocol.Command Note { get; set; }
        /// <summary>Points started so far.</summary>
        public int Started { get; private set; }
        /// <summary>Points stopped so far.</summary>
        public int Stopped { get; private set; }

        public long NextEventFrame => Math.Min(Started < Points ? _onset[Started] : long.MaxValue, Stopped < Started ? _release[Stopped] : long.MaxValue);

        public void Begin(long startFrame, int clientId, Vector2 from, Vector2 to, double strokeMs, float spacing, int sampleRate)
        {
            Active = true;
            StartFrame = startFrame;
            ClientId = clientId;
            (_from, _to) = (from, to);
            Points = TactileBrush.PointCount(Vector2.Distance(from, to), spacing, strokeMs);
            double pointMs = Points == 1 ? strokeMs : TactileBrush.PointMs(Points, strokeMs);
            double soaMs = TactileBrush.SoaMs(pointMs);
            long durationFrames = Math.Max(1, (long)Math.Round(pointMs * sampleRate / 1000));
            for (int i = 0; i < Points; i++)
            {
                _onset[i] = startFrame + (long)Math.Round(i * soaMs * sampleRate / 1000);
                _release[i] = _onset[i] + durationFrames;
                _voice[i] = null;
            }
            Started = Stopped = 0;
        }

        /// <summary>Where point <paramref name="i"/> sits.</summary>
        public Vector2 PointAt(int i) => Points == 1 ? _from : Vector2.Lerp(_from, _to, i / (float)(Points - 1));

        public long ReleaseFrame(int i) => _release[i];

        /// <summary>Point <see cref="Started"/> is now played by <paramref name="voice"/>.</summary>
        public void MarkStarted(PhantomVoice voice)
        {
            _voice[Started] = voice;
            _order[Started] = voice.StartOrder;
            Started++;
        }

        /// <summary>Releases point <see cref="Stopped"/> if its voice still plays it (it may have been stolen).</summary>
        public void StopNext()
        {
            PhantomVoice? voice = _voice[Stopped];
            if (voice is not null && voice.StartOrder == _order[Stopped] && voice.State == VoiceState.Playing) voice.Release();
            _voice[Stopped] = null;
            Stopped++;
            if (Stopped == Points) Active = false;
        }

        /// <summary>Stops every sounding point now and frees the slot.</summary>
        public void End()
        {
            while (Stopped < Started) StopNext();
            Active = false;
        }
    }
}
