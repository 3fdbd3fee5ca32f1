//! The simulator's TCP connections, which the `reset` fault can end with a RST.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

/// An accepted TCP connection that the `reset` fault can end with a RST: when its flag is
/// set, dropping it sets SO_LINGER to 0 first, so the close resets instead of ending cleanly.
pub(crate) struct Tcp {
    inner: tokio::net::TcpStream,
    reset: Arc<AtomicBool>,
}

impl Drop for Tcp {
    fn drop(&mut self) {
        if self.reset.load(Ordering::SeqCst) {
            let _ = self.inner.set_zero_linger();
        }
    }
}

impl tokio::io::AsyncRead for Tcp {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Tcp {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// What a TLS stream or a plain one says about the TCP connection under it.
pub(crate) trait Resettable {
    fn reset_flag(&self) -> Arc<AtomicBool>;
}

impl Resettable for Tcp {
    fn reset_flag(&self) -> Arc<AtomicBool> {
        self.reset.clone()
    }
}

impl Resettable for tokio_rustls::server::TlsStream<Tcp> {
    fn reset_flag(&self) -> Arc<AtomicBool> {
        self.get_ref().0.reset.clone()
    }
}

impl Tcp {
    pub(crate) fn new(inner: tokio::net::TcpStream) -> Tcp {
        Tcp {
            inner,
            reset: Arc::new(AtomicBool::new(false)),
        }
    }
}
