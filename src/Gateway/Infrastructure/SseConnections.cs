using System.Collections.Concurrent;

namespace Targeting.Gateway.Infrastructure;

/// <summary>
/// Counts the open decision streams per session on this gateway. Each stream holds a connection,
/// an observer and a subscription in the session grain, so a script that opens thousands for one
/// session id must not be able to exhaust a gateway or flood a grain with pushes.
/// </summary>
public sealed class SseConnections
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot to dispose when the stream ends, or null when the session already holds <paramref name="max"/>.</summary>
    public IDisposable? TryOpen(string session, int max)
    {
        while (true)
        {
            var current = _open.GetOrAdd(session, 0);
            if (current >= max) return null;
            if (_open.TryUpdate(session, current + 1, current)) return new Slot(this, session);
        }
    }

    public int OpenFor(string session) => _open.GetValueOrDefault(session);

    private void Close(string session)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(session);
            if (current <= 1)
            {
                // Remove only if still at 1, so an idle gateway keeps no entry per past session.
                if (_open.TryRemove(new KeyValuePair<string, int>(session, current))) return;
                if (!_open.ContainsKey(session)) return;
            }
            else if (_open.TryUpdate(session, current - 1, current)) return;
        }
    }

    private sealed class Slot(SseConnections owner, string session) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Close(session);
        }
    }
}
