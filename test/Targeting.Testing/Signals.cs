using System.Runtime.InteropServices;

namespace Targeting.Testing;

/// <summary>POSIX signals: .NET's Process.Kill only sends SIGKILL; graceful stops need SIGTERM.</summary>
public static class Signals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool Send(int pid, int signal) => SendSignal(pid, signal) == 0;
}
