"""lakip: memeriksa konsistensi LAKIP/LKjIP."""

__version__ = "0.1.0"
