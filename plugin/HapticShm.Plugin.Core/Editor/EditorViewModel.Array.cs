using HapticShm.Shared.Protocol;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Editor;

public sealed partial class EditorViewModel
{
    private const float DefaultSpacing = 0.05f; // a lone transducer is drawn as if on the default grid
    private float _spacing = DefaultSpacing;

    /// <summary>Maps a click at pixel (<paramref name="x"/>, <paramref name="y"/>) to the array:
    /// false outside <see cref="EditorLayout.Array"/> or with no layout published yet.</summary>
    public bool HitTestArray(float x, float y, out ArrayHit hit)
    {
        hit = default;
        if (TransducerCount == 0 || !Layout.Array.Contains(x, y)) return false;
        float mx = Transform.MetresX(x), my = Transform.MetresY(y);
        int nearest = -1;
        float best = CellRadius / Transform.Scale;
        best *= best;
        for (int i = 0; i < TransducerCount; i++)
        {
            float dx = _transducerX[i] - mx, dy = _transducerY[i] - my;
            float d = dx * dx + dy * dy;
            if (d <= best) (best, nearest) = (d, i);
        }
        (float bend, float timbre) = SourceArea.Controls(_centreX, _centreY, mx, my);
        hit = new ArrayHit(mx, my, nearest, bend, timbre);
        return true;
    }

    private unsafe void SetTransducers(in StatusBlock status, int count)
    {
        fixed (StatusBlock* block = &status)
        {
            if (count != TransducerCount) _geometryDirty = true;
            for (int i = 0; i < count; i++)
            {
                float x = Finite(block->TransducerX[i]), y = Finite(block->TransducerY[i]);
                if (x != _transducerX[i] || y != _transducerY[i]) _geometryDirty = true;
                _transducerX[i] = x;
                _transducerY[i] = y;
                float level = block->Levels[i];
                _levels[i] = level > 0f ? Math.Min(level, 1f) : 0f; // NaN fails the test: 0
            }
        }
        TransducerCount = count;
    }

    private void SetSources(in StatusBlock status)
    {
        int count = Math.Clamp(status.VoiceSourceCount, 0, StatusBlock.MaxVoiceSources);
        StatusBlock copy = status; // VoiceSource(i) needs a mutable reference
        for (int i = 0; i < count; i++)
        {
            VoiceSourceStatus source = copy.VoiceSource(i);
            _sourceX[i] = Finite(source.X);
            _sourceY[i] = Finite(source.Y);
            _sourceLevel[i] = source.Level > 0f ? Math.Min(source.Level, 1f) : 0f;
            _sourceKind[i] = source.Kind;
            _sourceReleased[i] = source.Released != 0;
        }
        SourceCount = count;
    }

    // Bounds, centre and spacing change only with the layout (or the view size): worked out then.
    private void UpdateTransform()
    {
        if (!_geometryDirty) return;
        _geometryDirty = false;
        int n = TransducerCount;
        if (n == 0)
        {
            (_minX, _minY, _maxX, _maxY) = (-DefaultSpacing, -DefaultSpacing, DefaultSpacing, DefaultSpacing);
        }
        else
        {
            (_minX, _minY, _maxX, _maxY) = (float.MaxValue, float.MaxValue, float.MinValue, float.MinValue);
            for (int i = 0; i < n; i++)
            {
                _minX = Math.Min(_minX, _transducerX[i]);
                _maxX = Math.Max(_maxX, _transducerX[i]);
                _minY = Math.Min(_minY, _transducerY[i]);
                _maxY = Math.Max(_maxY, _transducerY[i]);
            }
        }
        _centreX = (_minX + _maxX) / 2;
        _centreY = (_minY + _maxY) / 2;
        _spacing = NearestSpacing(n);
        float pad = _spacing / 2;
        Transform = ArrayTransform.Fit(Layout.Array, _minX - pad, _minY - pad, _maxX + pad, _maxY + pad);
        CellRadius = Math.Clamp(_spacing * Transform.Scale * 0.45f, 2f, 60f);
    }

    private float NearestSpacing(int n)
    {
        float nearest = float.MaxValue;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                float dx = _transducerX[i] - _transducerX[j], dy = _transducerY[i] - _transducerY[j];
                float d = dx * dx + dy * dy;
                if (d > 1e-8f) nearest = Math.Min(nearest, d);
            }
        }
        return nearest == float.MaxValue ? DefaultSpacing : MathF.Sqrt(nearest);
    }

    private static float Finite(float value) => float.IsFinite(value) ? value : 0f;
}
