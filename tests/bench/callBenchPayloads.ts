/**
 * The call signaling benchmark's fake signaling payloads (`callSignalingBench.ts`): a session
 * description and ICE candidates shaped like Chrome's, of a realistic size, for no media.
 */
import type { SignalOut } from '@worktable/shared';

/** Candidates each side trickles per link (host udp, host tcp, srflx, relay). */
export const CANDIDATES_PER_SIDE = 4;
/** About the size of an audio-only SDP from Chrome. */
export const SDP_BYTES = 2_500;

/** An audio-only session description shaped like Chrome's, padded to `SDP_BYTES`. */
export function fakeSdp(type: 'offer' | 'answer', ufrag: string): string {
  const lines = [
    'v=0',
    `o=- ${4_611_731_400_430_051_000 + ufrag.length} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=extmap-allow-mixed',
    'a=msid-semantic: WMS 4b1f0c52-9d3e-4a8e-b2a1-3f6c7d8e9a0b',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=ice-ufrag:${ufrag}`,
    'a=ice-pwd:Zk3pQx8vT2mLr7sYw1nB5cHd',
    'a=ice-options:trickle',
    'a=fingerprint:sha-256 6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08',
    `a=setup:${type === 'offer' ? 'actpass' : 'active'}`,
    'a=mid:0',
    'a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level',
    'a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
    'a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
    'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
    'a=sendrecv',
    'a=msid:4b1f0c52-9d3e-4a8e-b2a1-3f6c7d8e9a0b 7c2d1e0f-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
    'a=rtcp-mux',
    'a=rtcp-rsize',
    'a=rtpmap:111 opus/48000/2',
    'a=rtcp-fb:111 transport-cc',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    'a=rtpmap:63 red/48000/2',
    'a=fmtp:63 111/111',
    'a=rtpmap:9 G722/8000',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:13 CN/8000',
    'a=rtpmap:110 telephone-event/48000',
    'a=rtpmap:126 telephone-event/8000',
    'a=ssrc:1001275043 cname:Qm9vG2xYp3LkT8sW',
    'a=ssrc:1001275043 msid:4b1f0c52-9d3e-4a8e-b2a1-3f6c7d8e9a0b 7c2d1e0f-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
  ];
  let sdp = `${lines.join('\r\n')}\r\n`;
  // Video, simulcast and more codecs would fill the rest in a real browser; padding stands for them.
  while (sdp.length < SDP_BYTES) sdp += `a=x-bench-padding:${'0123456789abcdef'.repeat(4)}\r\n`;
  return `${sdp.slice(0, SDP_BYTES - 2)}\r\n`;
}

/** The candidates one side trickles: host udp, host tcp, server reflexive, relayed. */
export function fakeCandidates(ufrag: string, seed: number): NonNullable<SignalOut['candidate']>[] {
  const port = 40_000 + (seed % 20_000);
  const tail = `generation 0 ufrag ${ufrag} network-id 1`;
  return [
    `candidate:1467250027 1 udp 2122260223 192.168.1.${seed % 250} ${port} typ host ${tail}`,
    `candidate:435653019 1 tcp 1518280447 192.168.1.${seed % 250} 9 typ host tcptype active ${tail}`,
    `candidate:2530088836 1 udp 1686052607 203.0.113.${seed % 250} ${port} typ srflx raddr 192.168.1.${seed % 250} rport ${port} ${tail}`,
    `candidate:3427845345 1 udp 41885439 198.51.100.7 ${port + 1} typ relay raddr 203.0.113.${seed % 250} rport ${port} ${tail}`,
  ]
    .slice(0, CANDIDATES_PER_SIDE)
    .map((candidate) => ({ candidate, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: ufrag }));
}
