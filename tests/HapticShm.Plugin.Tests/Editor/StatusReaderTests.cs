using HapticShm.Plugin.Core.Editor;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Editor;

public sealed unsafe class StatusReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hapticshm-editor-").FullName;
    private string StatusPath => Path.Combine(_directory, "status.shm");

    [Fact]
    public void TryRead_WithoutAFile_IsFalse()
    {
        using var reader = new StatusReader(StatusPath);
        Assert.False(reader.TryRead(TestStatus.Now()));
    }

    [Fact]
    public void TryRead_FollowsThePublisherAndAllocatesNothingWhileItPublishes()
    {
        using StatusFile server = StatusFile.Create(StatusPath);
        Publish(server, TestStatus.Now(), level: 0.25f);
        using var reader = new StatusReader(StatusPath, pid => pid == TestStatus.ServerPid);
        Assert.True(reader.TryRead(TestStatus.Now()));
        Assert.Equal(0.25f, reader.Snapshot.Levels[5]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Publish(server, TestStatus.Now(), level: i / 1000f);
            Assert.True(reader.TryRead(TestStatus.Now()));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(0.999f, reader.Snapshot.Levels[5]);
    }

    [Fact]
    public void TryRead_StaleCopy_IsTrueWhileItsServerLivesAndFalseOnceItIsGone()
    {
        bool alive = true;
        using StatusFile server = StatusFile.Create(StatusPath);
        long now = TestStatus.Now();
        Publish(server, now, level: 0.5f);
        using var reader = new StatusReader(StatusPath, _ => alive);
        Assert.True(reader.TryRead(now));

        long later = now + StatusReader.StaleAfterNs + StatusReader.ReopenIntervalNs + 1;
        Assert.True(reader.TryRead(later)); // stale, process there: hung
        alive = false;
        Assert.False(reader.TryRead(later + StatusReader.ReopenIntervalNs + 1)); // gone
    }

    [Fact]
    public void TryRead_AfterANewServerReplacesTheFile_ReadsTheNewOne()
    {
        long now = TestStatus.Now();
        using var reader = new StatusReader(StatusPath, _ => true);
        using (StatusFile first = StatusFile.Create(StatusPath))
        {
            Publish(first, now, level: 0.1f);
            Assert.True(reader.TryRead(now));
        }
        using StatusFile second = StatusFile.Create(StatusPath); // deletes and recreates, as a new server does
        long later = now + StatusReader.ReopenIntervalNs + StatusReader.StaleAfterNs + 1;
        Publish(second, later, level: 0.9f);
        Assert.True(reader.TryRead(later));
        Assert.Equal(0.9f, reader.Snapshot.Levels[5]);
    }

    private static void Publish(StatusFile file, long nowNs, float level)
    {
        file.BeginWrite();
        file.Block->ServerPid = TestStatus.ServerPid;
        file.Block->ReadyNs = 1;
        file.Block->UpdatedNs = nowNs;
        file.Block->Levels[5] = level;
        file.EndWrite();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
