// simple-peer's prebuilt browser bundle, as y-webrtc imports it (it ships no types for this path).
declare module "simple-peer/simplepeer.min.js" {
  const Peer: { prototype: object };
  export default Peer;
}
