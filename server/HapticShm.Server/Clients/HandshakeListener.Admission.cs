using System.Net.Sockets;
using System.Text;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Ring;

namespace HapticShm.Server.Clients;

// From accept to welcome: the peer's uid when it connects, then its hello, read a little at each
// turn of the loop into its pending slot, checked and answered once whole.
public sealed partial class HandshakeListener
{
    private void AcceptWaiting()
    {
        // Everyone waiting in the backlog, but at most one array's worth per turn.
        for (int i = 0; i < MaxPending; i++)
        {
            Socket peer;
            try { peer = _listener.Accept(); }
            catch (SocketException) { return; }
            StartHandshake(peer);
            if (!_listener.Poll(0, SelectMode.SelectRead)) return;
        }
    }

    // The uid check comes first and fails closed: a peer whose credentials cannot be read is refused.
    private void StartHandshake(Socket peer)
    {
        int pid = 0;
        if (PeerCredentials.CanCheck)
        {
            if (!PeerCredentials.TryGet(peer, out uint uid, out pid))
            {
                Refuse(peer, RejectCode.OtherUser, "the server could not read the connecting process's credentials (SO_PEERCRED), so it cannot tell that it runs as the same user: refused");
                peer.Dispose();
                return;
            }
            if (uid != CurrentUser.Uid)
            {
                Refuse(peer, RejectCode.OtherUser, $"process {pid} runs as uid {uid}; this server belongs to uid {CurrentUser.Uid}: each user runs their own HapticShm server");
                peer.Dispose();
                return;
            }
        }
        PendingPeer? slot = null;
        foreach (PendingPeer candidate in _pending)
        {
            if (candidate.IsFree) { slot = candidate; break; }
            if (slot is null || candidate.AcceptedNs < slot.AcceptedNs) slot = candidate;
        }
        if (!slot!.IsFree)
        {
            _log.Write($"{MaxPending} connections are waiting for their hello: closing the oldest (pid {slot.Pid})");
            slot.Close();
        }
        slot.Take(peer, pid, MonotonicClock.NowNs(), HelloTimeoutMs * 1_000_000L);
    }

    private void ServePending(long nowNs)
    {
        foreach (PendingPeer peer in _pending)
        {
            if (peer.IsFree) continue;
            try
            {
                ReadHello(peer, nowNs);
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
            {
                _log.Write($"handshake with pid {peer.Pid} failed: {e.Message}");
                if (!peer.IsFree) peer.Close();
            }
        }
    }

    private void ReadHello(PendingPeer peer, long nowNs)
    {
        Socket socket = peer.Socket!;
        if (!socket.Poll(0, SelectMode.SelectRead))
        {
            if (nowNs < peer.DeadlineNs) return;
            _log.Write($"a peer (pid {peer.Pid}) connected but sent no hello within {HelloTimeoutMs} ms");
            peer.Close();
            return;
        }
        int n = socket.Receive(peer.Frame.AsSpan(peer.Received), SocketFlags.None, out SocketError error);
        if (n <= 0 || error != SocketError.Success)
        {
            _log.Write($"a peer (pid {peer.Pid}) closed the connection before its hello was whole");
            peer.Close();
            return;
        }
        peer.Received += n;
        if (peer.Received < HandshakeFrame.Size) return;
        HandshakeFrame hello = HandshakeFrame.FromBytes(peer.Frame);
        Socket client = peer.Release();
        bool admitted = false;
        try
        {
            admitted = Admit(client, hello);
        }
        finally
        {
            if (!admitted) client.Dispose();
        }
    }

    private bool Admit(Socket peer, in HandshakeFrame hello)
    {
        if (hello.Magic != HandshakeFrame.MagicValue)
        {
            Refuse(peer, RejectCode.BadMagic, "this socket speaks the HapticShm handshake; the peer sent something else");
            return false;
        }
        if (hello.Version != HandshakeFrame.ProtocolVersion)
        {
            Refuse(peer, RejectCode.VersionMismatch, $"client speaks protocol {hello.Version}, server speaks {HandshakeFrame.ProtocolVersion}: update the plugin or the server so that both are the same release");
            return false;
        }
        if (hello.Type != HandshakeMessageType.Hello)
        {
            Refuse(peer, RejectCode.UnexpectedMessage, $"expected a Hello, got message type {(int)hello.Type}");
            return false;
        }
        ClientSlot? slot = Array.Find(_clients, c => c.State == ClientState.Free);
        if (slot is null)
        {
            Refuse(peer, RejectCode.ServerFull, $"all {_clients.Length} client slots are in use: close a plugin instance and retry");
            return false;
        }
        return Attach(peer, slot, hello);
    }

    private bool Attach(Socket peer, ClientSlot slot, in HandshakeFrame hello)
    {
        string name = hello.ClientNameText;
        string path = "";
        CommandRing ring;
        try
        {
            path = RuntimePaths.RingPath(hello.ClientPid, ++_sessionNumber);
            ring = CommandRing.Create(path, _welcomeTemplate.RingCapacity, Guid.NewGuid(), Environment.ProcessId);
        }
        catch (RuntimeDirectoryException e)
        {
            Refuse(peer, RejectCode.RingFailed, e.Message);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Refuse(peer, RejectCode.RingFailed, $"the server could not create {path}: {e.Message}");
            return false;
        }
        slot.Socket = peer;
        slot.Ring = ring;
        slot.Consumer = ring.Consumer;
        slot.Pid = hello.ClientPid;
        slot.NameLength = Encoding.UTF8.GetBytes(name.AsSpan(0, Math.Min(name.Length, 60)), slot.NameUtf8);
        slot.ConnectedNs = MonotonicClock.NowNs();
        slot.StallFaded = false;

        HandshakeFrame welcome = _welcomeTemplate;
        welcome.ClientSlot = slot.Index;
        welcome.SessionId = ring.SessionId;
        // What is in force now: the device may have changed its block size since start-up.
        welcome.BlockSize = _callback.BlockSize;
        welcome.FixedLatencyNs = _callback.FixedLatencyNs;
        welcome.SetText(path);
        try
        {
            HandshakeWire.Send(peer, welcome);
        }
        catch
        {
            slot.Socket = null;
            slot.Ring = null;
            slot.Consumer = null;
            ring.Dispose();
            File.Delete(path);
            throw;
        }
        slot.State = ClientState.Active; // publish last: the callback may start reading now
        _log.Write($"client {hello.ClientPid} ({name}) joined in slot {slot.Index}, ring {path}");
        return true;
    }

    private void Refuse(Socket peer, RejectCode code, string reason)
    {
        _log.Write($"refused a client: {reason}");
        try { HandshakeWire.Send(peer, HandshakeFrame.Reject(code, reason)); }
        catch (SocketException) { }
    }
}
