namespace Targeting.Storage;

/// <summary>A grain state whose JSON passes its storage budget: refused before it reaches storage,
/// so the answer is "too large" (the caller's input) rather than an outage to retry.</summary>
public sealed class StateTooLargeException(string stateType, int bytes, int limit)
    : Exception($"The {stateType} state would take {bytes:N0} bytes in storage; the limit is {limit:N0}.")
{
    public static bool IsIn(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is StateTooLargeException) return true;
        return false;
    }
}
