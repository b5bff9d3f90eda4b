"""Made-up places, people and the nomenclature the reports are written from (data only)."""

from __future__ import annotations

REGIONS = ("Tanjung Rawa", "Bukit Lentera", "Sungai Merah", "Pulau Selasih", "Lembah Harapan",
           "Teluk Damar", "Gunung Sari Jaya", "Padang Kemuning", "Muara Pinang", "Kota Baru Selatan",
           "Rimba Kencana", "Batu Layar", "Air Tenang", "Mekar Asri", "Karang Wangi", "Danau Biru")
KABUPATEN = ("Kabupaten Nusa Permai", "Kabupaten Tanah Seberang", "Kota Pelita", "Kabupaten Lintang Timur",
             "Kabupaten Sekar Alam", "Kota Bandar Raya", "Kabupaten Rawa Indah", "Kabupaten Bumi Hijau")
TOWNS = ("Permai", "Seberang", "Pelita", "Lintang", "Sekar", "Bandar", "Rawa Indah", "Bumi Hijau")
DINAS = ("Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
         "Dinas Tenaga Kerja", "Badan Pengelolaan Keuangan dan Pendapatan Daerah", "Inspektorat Daerah",
         "Badan Perencanaan Pembangunan Daerah", "Dinas Lingkungan Hidup")

FIRST = ("Yohanes", "Maria", "Agustinus", "Fransiska", "Bambang", "Siti", "Ahmad", "Theresia", "Petrus",
         "Kornelia", "Hendrikus", "Nurhayati", "Rudolf", "Wahyuni", "Benediktus", "Rosalia", "Stefanus", "Dewi")
MIDDLE = ("Bernardus", "Kristina", "Laurensius", "Aprilia", "Damianus", "Oktaviani", "Gregorius", "Hasanah")
LAST = ("Kewa", "Lamaholot", "Rahmawati", "Setiadi", "Manek", "Bria", "Pandie", "Sinaga", "Harahap",
        "Lubis", "Wonga", "Tallo", "Saragih", "Nggadas", "Pattiasina", "Siregar")
FRONT_TITLES = ("", "", "Drs. ", "Ir. ", "dr. ", "H. ")
BACK_TITLES = ("", ", S.Sos", ", SE", ", S.STP, M.Si", ", ST., MT", ", SH., MH", ", S.Kom", ", M.Kes")
PANGKAT = ("Pembina Tk. I", "Pembina", "Penata Tk. I", "Pembina Utama Muda")

# Indicators: (name, unit, direction, low, high, decimals). direction: up = higher is better.
INDICATORS = (
    ("Indeks Kepuasan Masyarakat", "indeks", "up", 70, 88, 2),
    ("Persentase dokumen perencanaan yang tepat waktu", "%", "up", 70, 98, 2),
    ("Nilai SAKIP Perangkat Daerah", "nilai", "up", 55, 80, 2),
    ("Indeks Reformasi Birokrasi", "indeks", "up", 55, 75, 2),
    ("Jumlah inovasi pelayanan publik", "inovasi", "up", 2, 9, 0),
    ("Jumlah dokumen kajian yang diselesaikan", "dokumen", "up", 3, 12, 0),
    ("Jumlah kelompok masyarakat yang dibina", "kelompok", "up", 8, 40, 0),
    ("Cakupan pelayanan administrasi kependudukan", "%", "up", 60, 95, 2),
    ("Persentase aduan masyarakat yang ditangani", "%", "up", 75, 99, 2),
    ("Jumlah tenaga kerja yang ditempatkan", "orang", "up", 120, 900, 0),
    ("Nilai kematangan penyelenggaraan SPIP", "nilai", "up", 2, 4, 2),
    ("Angka kematian ibu", "per 100.000 kelahiran hidup", "down", 80, 190, 0),
    ("Persentase temuan BPK yang belum ditindaklanjuti", "%", "down", 8, 35, 2),
    ("Rata-rata waktu penyelesaian izin", "hari", "down", 3, 14, 1),
    ("Tingkat pengangguran terbuka", "%", "down", 3, 9, 2),
    ("Prevalensi stunting", "%", "down", 12, 30, 2),
    ("Jumlah kasus DBD", "kasus", "down", 20, 140, 0),
    ("Inflasi", "%", "down", 2, 5, 2),
    ("Tunggakan pajak daerah", "%", "down", 5, 20, 2),
    ("Persentase kerugian daerah", "%", "down", 1, 6, 2),
)

SASARAN = ("Meningkatnya kualitas pelayanan publik", "Meningkatnya akuntabilitas kinerja perangkat daerah",
           "Meningkatnya partisipasi masyarakat dalam pembangunan", "Menurunnya permasalahan kesehatan masyarakat",
           "Meningkatnya kualitas perencanaan pembangunan", "Meningkatnya tata kelola keuangan daerah",
           "Meningkatnya ketenteraman dan ketertiban umum", "Meningkatnya kesempatan kerja",
           "Terkendalinya harga kebutuhan pokok", "Meningkatnya kepatuhan wajib pajak")
TUJUAN = ("Mewujudkan tata kelola pemerintahan yang baik dan bersih", "Meningkatkan kualitas pelayanan kepada masyarakat",
          "Meningkatkan kesejahteraan masyarakat secara merata")

PROGRAMS = ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
            "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
            "Program Koordinasi Ketenteraman dan Ketertiban Umum",
            "Program Pemenuhan Upaya Kesehatan Masyarakat",
            "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah")
KEG_VERBS = ("Administrasi", "Pengelolaan", "Koordinasi", "Fasilitasi", "Pembinaan", "Penyelenggaraan")
KEG_OBJECTS = ("Keuangan Perangkat Daerah", "Barang Milik Daerah", "Kepegawaian Perangkat Daerah",
               "Umum Perangkat Daerah", "Pelayanan Publik Terpadu", "Lembaga Kemasyarakatan",
               "Ketertiban Lingkungan", "Data Pembangunan", "Kesehatan Lingkungan", "Informasi Publik",
               "Sarana Perkantoran", "Perencanaan Partisipatif", "Pengawasan Internal", "Pendapatan Daerah",
               "Kerja Sama Antarwilayah", "Pemberdayaan Ekonomi Keluarga", "Pelaporan Kinerja",
               "Pengaduan Masyarakat", "Ketahanan Pangan Lokal", "Penanggulangan Bencana")
SUB_VERBS = ("Penyediaan", "Penyusunan", "Pelaksanaan", "Pemeliharaan", "Pengadaan", "Monitoring dan Evaluasi",
             "Peningkatan", "Pendataan", "Sosialisasi", "Pendampingan")
SUB_OBJECTS = ("Gaji dan Tunjangan ASN", "Jasa Surat Menyurat", "Jasa Komunikasi, Air dan Listrik",
               "Peralatan Kantor", "Bahan Logistik Kantor", "Dokumen Rencana Strategis", "Laporan Keuangan Akhir Tahun",
               "Kendaraan Dinas Operasional", "Gedung Kantor", "Rapat Koordinasi Lintas Sektor", "Forum Musyawarah Warga",
               "Kader Posyandu", "Aparatur Kelurahan", "Sistem Informasi Pelayanan", "Pos Ketertiban Umum",
               "Standar Operasional Prosedur", "Survei Kepuasan Masyarakat", "Profil Wilayah", "Arsip Dinamis",
               "Jaringan Internet Kantor", "Pakaian Dinas dan Atribut", "Perjalanan Dinas Dalam Daerah",
               "Kelompok Usaha Mikro", "Lembaga Adat", "Data Penduduk Rentan", "Tenaga Pendukung Kantor",
               "Sarana Prasarana Kelurahan", "Lomba Inovasi Desa", "Penilaian Kinerja Pegawai", "Tata Naskah Dinas")
