package dev.ainfo.memory.control;

/** A turn waiting for an update: in the hash as {@code pending:<answerId>}, or parked here during an outage. */
record Turn(long answerId, String question, String answer) {
}
